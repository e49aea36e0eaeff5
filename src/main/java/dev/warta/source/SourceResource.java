package dev.warta.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    /** {@code topics}: slugs or labels (a label that is no topic yet creates it). */
    public record SubscribeRequest(String url, List<String> topics, String title) {
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
        SourceView view = service.create(request.url(), request.topics(), request.title());
        return Response.created(URI.create(publicUrl.base(uri) + "/api/sources/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "Every source with its state, last error, entry count and next poll")
    public List<SourceView> list() {
        return service.list();
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
    @Operation(summary = "Change a source's topics, pause or resume it, set its title or retention",
            description = "Fields: topics (replaces), paused (true/false), title (null clears), "
                    + "retention {maxEntries, maxAgeDays} (null clears, back to the defaults).")
    public SourceView patch(@PathParam("id") long id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("invalid-source", "send a JSON object with the fields to change");
        }
        List<String> topics = null;
        if (body.has("topics")) {
            JsonNode t = body.get("topics");
            if (!t.isArray()) {
                throw ProblemException.invalid("invalid-source", "topics is a list of slugs or labels").with("field", "topics");
            }
            topics = new ArrayList<>();
            for (JsonNode n : t) {
                topics.add(n.isTextual() ? n.asText() : null);
            }
        }
        Boolean paused = null;
        if (body.has("paused")) {
            if (!body.get("paused").isBoolean()) {
                throw ProblemException.invalid("invalid-source", "paused is true or false").with("field", "paused");
            }
            paused = body.get("paused").asBoolean();
        }
        Optional<String> title = null;
        if (body.has("title")) {
            JsonNode t = body.get("title");
            if (!t.isNull() && !t.isTextual()) {
                throw ProblemException.invalid("invalid-source", "title is text or null").with("field", "title");
            }
            title = t.isNull() ? Optional.empty() : Optional.of(t.asText());
        }
        Optional<Integer> maxEntries = null;
        Optional<Integer> maxAgeDays = null;
        if (body.has("retention")) {
            JsonNode r = body.get("retention");
            if (r.isNull()) {
                maxEntries = Optional.empty();
                maxAgeDays = Optional.empty();
            } else if (r.isObject()) {
                maxEntries = number(r, "maxEntries");
                maxAgeDays = number(r, "maxAgeDays");
            } else {
                throw ProblemException.invalid("invalid-source", "retention is {maxEntries, maxAgeDays} or null")
                        .with("field", "retention");
            }
        }
        return service.patch(id, new SourcePatch(topics, paused, title, maxEntries, maxAgeDays));
    }

    private static Optional<Integer> number(JsonNode r, String field) {
        if (!r.has(field)) {
            return null;
        }
        JsonNode n = r.get(field);
        if (n.isNull()) {
            return Optional.empty();
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw ProblemException.invalid("invalid-source", "retention." + field + " is a whole number")
                    .with("field", "retention." + field);
        }
        return Optional.of(n.intValue());
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
        return Response.accepted(Map.of("due", service.refreshAll())).build();
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
