package dev.warta.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/sources.opml}: every source as OPML 2.0, grouped by topic. */
@Path("/api/sources.opml")
@Tag(name = "Sources")
@SecurityRequirement(name = "bearer")
public class SourceOpmlResource {

    static final String OPML = "text/x-opml;charset=utf-8";

    private final SourceService service;

    SourceOpmlResource(SourceService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Export every source as OPML 2.0; outlines per topic hold its sources")
    public Response export() {
        return Response.ok(service.exportOpml(), OPML)
                .header("Content-Disposition", "inline; filename=\"warta-sources.opml\"").build();
    }
}
