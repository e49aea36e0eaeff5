package dev.warta.poll;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/sources/{id}/refresh}: fetching one source now is the poller's, not the subscription list's. */
@Path("/api/sources/{id}/refresh")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
@SecurityRequirement(name = "bearer")
public class SourceRefreshResource {

    private final SourceRefresh refresh;

    SourceRefreshResource(SourceRefresh refresh) {
        this.refresh = refresh;
    }

    @POST
    @Operation(summary = "Fetch the source now and say what happened",
            description = "Returns {outcome, newEntries, updatedEntries, unchanged, status, error, nextPollAt}. "
                    + "Outcomes: fetched, not-modified, gone, throttled, http-error, refused, timeout, too-large, redirects, "
                    + "connection, invalid-feed. While a fetch of the source runs (in this Warta process or another), "
                    + "the refresh waits for it and answers its outcome instead of fetching again.")
    @APIResponse(responseCode = "200", description = "Fetched (whatever the upstream answered), or the running fetch's outcome")
    @APIResponse(responseCode = "404", description = "No such source")
    public PollReport refresh(@PathParam("id") long id) {
        return refresh.refresh(id);
    }
}
