package dev.warta.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.warta.WartaConfig;

/**
 * Guards {@code /api/**}: a request needs {@code Authorization: Bearer <token>} with one of
 * {@code warta.admin.tokens}. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * against every configured token, so neither the length nor the content leaks through timing.
 */
public class AdminAuthFilter {

    private final List<byte[]> tokenDigests;

    AdminAuthFilter(WartaConfig config) {
        this.tokenDigests = config.admin().tokens().orElse(List.of()).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).map(AdminAuthFilter::digest).toList();
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
        byte[] presented = digest(token);
        boolean match = false;
        for (byte[] known : tokenDigests) {
            match |= MessageDigest.isEqual(known, presented);
        }
        return match;
    }

    private static Response unauthorized(String code, String detail, ContainerRequestContext request) {
        var body = ProblemMapper.body(401, code, "Unauthorized", detail, request.getUriInfo());
        return Response.status(401).type(ProblemMapper.PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"warta\"")
                .entity(body).build();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
