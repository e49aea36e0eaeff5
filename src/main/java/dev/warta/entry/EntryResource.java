package dev.warta.entry;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.search.SearchService;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;

@Path("/api/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
@SecurityRequirement(name = "bearer")
public class EntryResource {

    static final int MAX_LIMIT = 500;

    private final EntryViews views;
    private final TopicRepository topics;
    private final PublicUrl publicUrl;
    private final SearchService search;

    EntryResource(EntryViews views, TopicRepository topics, PublicUrl publicUrl, SearchService search) {
        this.views = views;
        this.search = search;
        this.topics = topics;
        this.publicUrl = publicUrl;
    }

    @GET
    @Operation(summary = "Latest entries, newest publication first, optionally of one topic or matching a search q")
    public List<EntryView> list(@QueryParam("topic") String topic, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("q") String q, @Context UriInfo uri) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("invalid-parameter", "limit must be between 1 and " + MAX_LIMIT)
                    .with("field", "limit");
        }
        String base = publicUrl.base(uri);
        if (q != null || uri.getQueryParameters().containsKey("q")) {
            return searched(q, topic, limit, base);
        }
        if (topic == null || topic.isBlank()) {
            return views.latest(limit, base);
        }
        Topic t = topics.findBySlug(topic.strip())
                .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + topic + "\"").with("field", "topic"));
        return views.latestInTopic(t.id, limit, base);
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
        return views.find(id, publicUrl.base(uri))
                .orElseThrow(() -> ProblemException.notFound("no entry with id " + id));
    }
}
