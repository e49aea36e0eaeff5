package dev.warta;

import java.net.URI;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.net.HostAndPort;

/**
 * The absolute base URL that links in feeds and pages start with: {@code warta.public-url} when set,
 * else the one the request was made to (which honours {@code X-Forwarded-*} from trusted proxies).
 */
@ApplicationScoped
public class PublicUrl {

    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?");

    private final String configured;
    /** The header naming a path prefix, when Quarkus is told to trust it; null otherwise. */
    private final String prefixHeader;
    /** The origin of the latest request that had none configured (see {@link #origin}). */
    private volatile Origin lastOrigin;

    @Inject
    PublicUrl(WartaConfig config) {
        this(config.publicUrl(), trustedPrefixHeader(ConfigProvider.getConfig()));
    }

    PublicUrl(Optional<URI> publicUrl, String prefixHeader) {
        this.configured = publicUrl.map(URI::toString).map(PublicUrl::stripSlash).orElse(null);
        this.prefixHeader = prefixHeader;
    }

    private static String trustedPrefixHeader(Config config) {
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false)
                && config.getOptionalValue("quarkus.http.proxy.allow-x-forwarded", Boolean.class).orElse(false)
                && config.getOptionalValue("quarkus.http.proxy.enable-forwarded-prefix", Boolean.class).orElse(false);
        return forwarding
                ? config.getOptionalValue("quarkus.http.proxy.forwarded-prefix-header", String.class).orElse("X-Forwarded-Prefix")
                : null;
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
     * {@code X-Forwarded-Proto/Host} to the request's scheme and authority; the path prefix a trusted proxy
     * names (which JAX-RS folds into its base URI) is added here.
     */
    public String base(io.vertx.core.http.HttpServerRequest request) {
        if (configured != null) {
            return configured;
        }
        String base = origin(request);
        String prefix = prefixHeader == null ? null : request.getHeader(prefixHeader);
        if (prefix != null && PREFIX.matcher(prefix.strip()).matches()) {
            base += stripSlash(prefix.strip());
        }
        return base;
    }

    /**
     * {@code scheme://authority} of the request. The same String while requests keep coming to one address: it is part
     * of every render-cache key, and a String made once keeps its hash, so a poll of a cached feed builds none.
     */
    private String origin(io.vertx.core.http.HttpServerRequest request) {
        String scheme = request.scheme();
        HostAndPort authority = request.authority();
        String host = authority != null ? authority.host() : request.host();
        int port = authority != null ? authority.port() : Integer.MIN_VALUE;
        Origin seen = lastOrigin;
        if (seen != null && seen.port() == port && Objects.equals(seen.host(), host) && Objects.equals(seen.scheme(), scheme)) {
            return seen.value();
        }
        String value = scheme + "://" + (authority != null ? authority.toString() : request.host());
        lastOrigin = new Origin(scheme, host, port, value);
        return value;
    }

    private record Origin(String scheme, String host, int port, String value) {
    }

    public boolean isConfigured() {
        return configured != null;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
