package dev.warta.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.warta.ProblemException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Guards {@code /api/**}: a request needs {@code Authorization: Bearer <token>} with one of
 * {@code warta.admin.tokens}, checked by {@link AdminTokens} (constant time) through the {@link SignInGuard}, so that
 * wrong tokens count as failed sign-ins like those on {@code /admin/login}: past the bound, 429.
 */
public class AdminAuthFilter {

    private final SignInGuard guard;
    private final ClientAddresses clients;

    AdminAuthFilter(SignInGuard guard, ClientAddresses clients) {
        this.guard = guard;
        this.clients = clients;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("missing-token", "send Authorization: Bearer <admin token>", request);
        }
        SignInGuard.Attempt attempt = guard.attempt(clients.of(http), header.substring(7).strip(), path);
        if (attempt instanceof SignInGuard.Throttled t) {
            return throttled(t, request);
        }
        if (attempt instanceof SignInGuard.Refused) {
            return unauthorized("invalid-token", "the bearer token is not one of warta.admin.tokens", request);
        }
        return null;
    }

    private static Response unauthorized(String code, String detail, ContainerRequestContext request) {
        var body = ProblemMapper.body(401, code, detail, request.getUriInfo());
        return Response.status(401).type(ProblemMapper.PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"warta\"")
                .entity(body).build();
    }

    private static Response throttled(SignInGuard.Throttled t, ContainerRequestContext request) {
        ProblemException problem = ProblemException.throttled("too-many-failed-sign-ins",
                (t.overall() ? "too many failed sign-ins from all clients" : "too many failed sign-ins from this address")
                        + " within warta.admin.sign-in.window; try again after " + t.retryAfter().toSeconds() + " s",
                t.retryAfter());
        Response.ResponseBuilder response = Response.status(ProblemStatus.of(problem)).type(ProblemMapper.PROBLEM_JSON)
                .entity(ProblemStatus.body(problem, request.getUriInfo().getRequestUri().getRawPath()));
        ProblemStatus.headers(problem).forEach(response::header);
        return response.build();
    }
}
