package dev.warta.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.WartaConfig;

/** Public feeds: every topic, and every entry, as Atom 1.0 and RSS 2.0. */
@Path("/feeds")
@Tag(name = "Feeds")
public class FeedResource {

    private final FeedAssembler assembler;
    private final AtomWriter atom;
    private final RssWriter rss;
    private final PublicUrl publicUrl;
    private final WartaConfig config;

    FeedResource(FeedAssembler assembler, AtomWriter atom, RssWriter rss, PublicUrl publicUrl, WartaConfig config) {
        this.assembler = assembler;
        this.atom = atom;
        this.rss = rss;
        this.publicUrl = publicUrl;
        this.config = config;
    }

    @GET
    @Path("/topics/{slug}.atom")
    @Operation(summary = "A topic's entries as Atom 1.0, newest first")
    public Response topicAtom(@PathParam("slug") String slug, @QueryParam("limit") String limit, @Context UriInfo uri) {
        return topic(slug, limit, uri, FeedFormat.ATOM);
    }

    @GET
    @Path("/topics/{slug}.rss")
    @Operation(summary = "A topic's entries as RSS 2.0, newest first")
    public Response topicRss(@PathParam("slug") String slug, @QueryParam("limit") String limit, @Context UriInfo uri) {
        return topic(slug, limit, uri, FeedFormat.RSS);
    }

    @GET
    @Path("/all.atom")
    @Operation(summary = "Every entry as Atom 1.0, newest first")
    public Response allAtom(@QueryParam("limit") String limit, @Context UriInfo uri) {
        return render(assembler.allFeed(limit(limit), publicUrl.base(uri)), FeedFormat.ATOM);
    }

    @GET
    @Path("/all.rss")
    @Operation(summary = "Every entry as RSS 2.0, newest first")
    public Response allRss(@QueryParam("limit") String limit, @Context UriInfo uri) {
        return render(assembler.allFeed(limit(limit), publicUrl.base(uri)), FeedFormat.RSS);
    }

    private Response topic(String slug, String limit, UriInfo uri, FeedFormat format) {
        int n = limit(limit);
        PublishedFeed feed = assembler.topicFeed(slug, n, publicUrl.base(uri))
                .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + slug + "\""));
        return render(feed, format);
    }

    private Response render(PublishedFeed feed, FeedFormat format) {
        byte[] body = format == FeedFormat.ATOM ? atom.write(feed) : rss.write(feed);
        return Response.ok(body, format.contentType()).build();
    }

    private int limit(String value) {
        if (value == null || value.isBlank()) {
            return config.publish().defaultLimit();
        }
        int max = config.publish().maxLimit();
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.badRequest("invalid-parameter", "limit must be a whole number from 1 to " + max)
                .with("field", "limit");
    }
}
