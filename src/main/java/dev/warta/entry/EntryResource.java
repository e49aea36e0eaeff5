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

@Path("/api/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
@SecurityRequirement(name = "bearer")
public class EntryResource {

    static final int MAX_LIMIT = 500;

    private final EntryViews views;
    private final PublicUrl publicUrl;

    EntryResource(EntryViews views, PublicUrl publicUrl) {
        this.views = views;
        this.publicUrl = publicUrl;
    }

    @GET
    @Operation(summary = "Latest entries, newest publication first, optionally of one topic")
    public List<EntryView> list(@QueryParam("topic") String topic, @QueryParam("limit") @DefaultValue("50") int limit,
            @Context UriInfo uri) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("invalid-parameter", "limit must be between 1 and " + MAX_LIMIT)
                    .with("field", "limit");
        }
        String slug = topic == null || topic.isBlank() ? null : topic.strip();
        return views.list(slug, limit, publicUrl.base(uri));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entry with its content, topics and related links")
    public EntryView get(@PathParam("id") long id, @Context UriInfo uri) {
        return views.get(id, publicUrl.base(uri));
    }
}
