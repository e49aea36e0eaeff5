package dev.warta;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/**
 * The absolute base URL that links in feeds and pages start with: {@code warta.public-url} when set,
 * else the one the request was made to (which honours {@code X-Forwarded-*} from trusted proxies).
 */
@ApplicationScoped
public class PublicUrl {

    private final String configured;

    PublicUrl(WartaConfig config) {
        this.configured = config.publicUrl().map(URI::toString).map(PublicUrl::stripSlash).orElse(null);
    }

    /** Base URL without a trailing slash, e.g. {@code https://warta.example.id}. */
    public String base(UriInfo request) {
        if (configured != null) {
            return configured;
        }
        return stripSlash(request.getBaseUri().toString());
    }

    /**
     * The same for a request served by a Vert.x route (the feeds): Quarkus has already applied trusted
     * {@code X-Forwarded-Proto/Host} to the request's scheme and authority.
     */
    public String base(io.vertx.core.http.HttpServerRequest request) {
        if (configured != null) {
            return configured;
        }
        var authority = request.authority();
        return request.scheme() + "://" + (authority != null ? authority.toString() : request.host());
    }

    public boolean isConfigured() {
        return configured != null;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
