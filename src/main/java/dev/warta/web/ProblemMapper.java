package dev.warta.web;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;

import dev.warta.ProblemException;
import io.quarkus.logging.Log;

/**
 * Every error of the JAX-RS resources leaves Warta as {@code application/problem+json} (RFC 9457), from here;
 * the status of a domain problem comes from {@link ProblemStatus}, nowhere else.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        int status = ProblemStatus.of(e);
        if (status >= 500 && !(e instanceof ProblemException.UpstreamFailed)) {
            Log.error("Request failed", e);
        }
        Response.ResponseBuilder response = Response.status(status).type(PROBLEM_JSON).entity(ProblemStatus.body(e, path(uri)));
        ProblemStatus.headers(e).forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JacksonException e, UriInfo uri) {
        String detail = "the body is not valid JSON: " + e.getOriginalMessage();
        return respond(400, body(400, "invalid-json", detail, uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Request failed", e);
            return respond(status, body(status, "internal-error", null, uri));
        }
        return respond(status, body(status, slug(ProblemStatus.title(status)), detailOf(e, status), uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.error("Unexpected error", e);
        return respond(500, body(500, "internal-error", "Warta could not handle this request; the error is in its log.", uri));
    }

    static Map<String, Object> body(int status, String code, String detail, UriInfo uri) {
        return ProblemStatus.body(status, code, detail, path(uri), Map.of());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    static Response respond(int status, Map<String, Object> body) {
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    private static String detailOf(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "nothing is published at this address";
            case 405 -> "this address does not accept that method";
            case 406 -> "none of the accepted media types can be produced here";
            case 415 -> "this address does not accept that Content-Type";
            default -> e.getMessage();
        };
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
