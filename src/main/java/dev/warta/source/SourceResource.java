package dev.warta.source;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.WartaConfig;

/** Upstream feeds Warta follows: subscribe, list, change, remove, OPML import (fetching one now is {@code poll}'s). */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
@SecurityRequirement(name = "bearer")
public class SourceResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final List<String> OPML_TYPES = List.of("text/x-opml", "application/xml", "text/xml", "application/x-opml");

    private final SourceService service;
    private final OpmlImport opmlImport;
    private final PublicUrl publicUrl;
    private final int maxOpmlBytes;

    SourceResource(SourceService service, OpmlImport opmlImport, PublicUrl publicUrl, WartaConfig config) {
        this.service = service;
        this.opmlImport = opmlImport;
        this.publicUrl = publicUrl;
        this.maxOpmlBytes = config.poll().maxOpmlBytes();
    }

    /**
     * {@code topics}: slugs or labels (a label that is no topic yet creates it). {@code fullText}: read each new
     * item's page for its body (off when absent).
     */
    public record SubscribeRequest(String url, List<String> topics, String title, Boolean fullText) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to an upstream feed",
            description = "The address may be a feed (RSS, Atom, JSON Feed) or an HTML page that advertises one. "
                    + "The first fetch runs in the background within seconds; GET the source to see its outcome.")
    @APIResponse(responseCode = "201", description = "Subscribed")
    @APIResponse(responseCode = "400", description = "Not an http(s) address, or a bad topic or title")
    @APIResponse(responseCode = "409", description = "Already a source; the problem's \"existing\" names it")
    public Response create(SubscribeRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("invalid-source", "send {\"url\": \"https://…\"}").with("field", "url");
        }
        SourceView view = service.create(request.url(), request.topics(), request.title(),
                Boolean.TRUE.equals(request.fullText()));
        return Response.created(URI.create(publicUrl.base(uri) + "/api/sources/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "Sources by id in keyset pages, each with its state, last error, entry count and next poll",
            description = "?limit= (default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + ") and ?after= (the id of the last "
                    + "source of the page before); the next page's address is in the Link header (rel=\"next\").")
    @APIResponse(responseCode = "400", description = "A limit or cursor that is not a number in range")
    public Response list(@QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        int size = (int) number(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        SourceService.SourcePage page = service.list(number(after, "after", 0, 0, Long.MAX_VALUE), size);
        Response.ResponseBuilder answer = Response.ok(page.sources());
        page.next().ifPresent(next -> answer.link(publicUrl.base(uri) + "/api/sources?after=" + next + "&limit=" + size, "next"));
        return answer.build();
    }

    private static long number(String value, String field, long absent, long min, long max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("invalid-parameter", field + " is a whole number from " + min + " to " + max)
                .with("field", field);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One source")
    public SourceView get(@PathParam("id") long id) {
        return service.view(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(summary = "Change a source's topics, pause or resume it, set its title, retention or full text",
            description = "Fields: topics (replaces), paused (true/false), title (null clears), "
                    + "retention {maxEntries, maxAgeDays} (null clears, back to the defaults), "
                    + "fullText (true/false: read each new item's page for its body).")
    public SourceView patch(@PathParam("id") long id, JsonNode body) {
        return service.patch(id, SourcePatch.from(body));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; the source's entries stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Make every active source due now and start a poll cycle")
    @APIResponse(responseCode = "202", description = "Started; the body says how many sources are due")
    public Response refreshAll() {
        return Response.accepted(new Due(service.refreshAll())).build();
    }

    /** How many sources a "refresh all" made due. */
    public record Due(int due) {
    }

    @POST
    @Path("/opml")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import an OPML 2.0 subscription list",
            description = "Every outline with an xmlUrl becomes a source; the texts of the outlines it is nested in "
                    + "become its topics. Addresses already subscribed get those topics added.")
    @RequestBody(content = @Content(mediaType = "text/x-opml"))
    @APIResponse(responseCode = "200", description = "{created, existing, sources, rejected: [{url, problem, line, outline}]}")
    @APIResponse(responseCode = "400", description = "Not well-formed OPML (the line is named)")
    @APIResponse(responseCode = "413", description = "Larger than warta.poll.max-opml-bytes")
    @APIResponse(responseCode = "415", description = "Not text/x-opml, application/xml or text/xml")
    public OpmlImport.ImportResult importOpml(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!OPML_TYPES.contains(type)) {
            throw ProblemException.unsupported(
                    "send OPML as text/x-opml, application/xml or text/xml, not \"" + type + "\"");
        }
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("invalid-opml", "the body is empty");
        }
        if (body.length > maxOpmlBytes) {
            throw ProblemException.tooLarge(
                    "an OPML document has at most " + maxOpmlBytes + " bytes");
        }
        return opmlImport.importOpml(body);
    }
}
