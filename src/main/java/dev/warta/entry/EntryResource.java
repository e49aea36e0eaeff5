package dev.warta.entry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.search.SearchService;

@Path("/api/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
@SecurityRequirement(name = "bearer")
public class EntryResource {

    static final int MAX_LIMIT = 500;

    private final EntryViews views;
    private final PublicUrl publicUrl;
    private final SearchService search;

    EntryResource(EntryViews views, PublicUrl publicUrl, SearchService search) {
        this.views = views;
        this.search = search;
        this.publicUrl = publicUrl;
    }

    @GET
    @Operation(summary = "Latest entries, newest publication first, optionally of one topic or matching a search q",
            description = "Paged by keyset: the Link header names the older page (rel=\"next\") and, past the first page, "
                    + "the newer one (rel=\"previous\"); follow them rather than building cursors.")
    public RestResponse<List<EntryView>> list(@QueryParam("topic") String topic,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Parameter(description = "Cursor: entries older than it (from a rel=\"next\" link)") @QueryParam("before") String before,
            @Parameter(description = "Cursor: entries newer than it (from a rel=\"previous\" link)") @QueryParam("after") String after,
            @Parameter(description = "A search (Indonesian stems, \"phrases\", -exclusions); newest first, at most limit") @QueryParam("q") String q,
            @Context UriInfo uri) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("invalid-parameter", "limit must be between 1 and " + MAX_LIMIT)
                    .with("field", "limit");
        }
        if (q != null || uri.getQueryParameters().containsKey("q")) {
            return RestResponse.ok(searched(q, topic, limit, publicUrl.base(uri)));
        }
        if (before != null && after != null) {
            throw ProblemException.invalid("invalid-parameter", "give before or after, not both").with("field", "after");
        }
        String slug = topic == null || topic.isBlank() ? null : topic.strip();
        ListPage page = new ListPage(limit, cursor(before, "before"), cursor(after, "after"));
        SiteUrls urls = SiteUrls.at(publicUrl.base(uri));
        EntryViews.Listed listed = views.list(slug, page, urls.base());
        RestResponse.ResponseBuilder<List<EntryView>> response = RestResponse.ResponseBuilder.ok(listed.entries());
        List<String> links = new ArrayList<>();
        if (listed.older() != null) {
            links.add("<" + urls.apiEntries(query(slug, limit, "before=" + listed.older())) + ">; rel=\"next\"");
        }
        if (listed.newer() != null) {
            links.add("<" + urls.apiEntries(query(slug, limit, "after=" + listed.newer())) + ">; rel=\"previous\"");
        }
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }

    /** A search (see {@link SearchService}): the same views, matching entries newest first. */
    private List<EntryView> searched(String q, String topic, int limit, String base) {
        if (topic != null) {
            throw ProblemException.invalid("invalid-parameter", "q and topic cannot be combined").with("field", "topic");
        }
        return views.inOrder(search.matchingIds(q, limit), base);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entry with its content, topics and related links")
    public EntryView get(@PathParam("id") long id, @Context UriInfo uri) {
        return views.get(id, publicUrl.base(uri));
    }

    private static Cursor cursor(String value, String field) {
        if (value == null) {
            return null;
        }
        return Cursor.parse(value).orElseThrow(() -> ProblemException.invalid("invalid-parameter",
                field + " must be a cursor from a Link header of this list").with("field", field));
    }

    private static String query(String slug, int limit, String cursor) {
        String topic = slug == null ? "" : "topic=" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "&";
        return topic + "limit=" + limit + "&" + cursor;
    }
}
