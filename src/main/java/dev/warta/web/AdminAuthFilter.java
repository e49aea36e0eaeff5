package dev.warta.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /api/**}: a request needs {@code Authorization: Bearer <token>} with one of
 * {@code warta.admin.tokens}, checked by {@link AdminTokens} (constant time).
 */
public class AdminAuthFilter {

    private final AdminTokens tokens;

    AdminAuthFilter(AdminTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("missing-token", "send Authorization: Bearer <admin token>", request);
        }
        if (!accepted(header.substring(7).strip())) {
            return unauthorized("invalid-token", "the bearer token is not one of warta.admin.tokens", request);
        }
        return null;
    }

    boolean accepted(String token) {
        return tokens.accepted(token);
    }

    private static Response unauthorized(String code, String detail, ContainerRequestContext request) {
        var body = ProblemMapper.body(401, code, detail, request.getUriInfo());
        return Response.status(401).type(ProblemMapper.PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"warta\"")
                .entity(body).build();
    }
}
