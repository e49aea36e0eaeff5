package dev.warta.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.warta.ProblemException;

/** Checks a feed address a user gives and brings it to the form sources are compared in. */
public final class SourceUrls {

    static final int MAX_LENGTH = 2048;

    private SourceUrls() {
    }

    /**
     * {@code HTTP://Example.COM:80/feed#x} → {@code http://example.com/feed}: scheme and host lower case, no
     * default port, no fragment; path and query as given (servers may treat them case-sensitively).
     *
     * @throws ProblemException 400 naming {@code field} when it is not an absolute http(s) URL without credentials
     */
    public static String normalize(String url, String field) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("invalid-url", "a feed address is required").with("field", field);
        }
        String s = url.strip();
        if (s.length() > MAX_LENGTH) {
            throw ProblemException.invalid("invalid-url", "a feed address has at most " + MAX_LENGTH + " characters")
                    .with("field", field);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("invalid-url", "\"" + s + "\" is not a URL: " + e.getReason()).with("field", field);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalid("invalid-url", "a feed address starts with http:// or https://")
                    .with("field", field);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid("invalid-url", "\"" + s + "\" has no host").with("field", field);
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid("invalid-url", "feed addresses with credentials are not accepted")
                    .with("field", field);
        }
        return normalizeValid(uri);
    }

    /** The same form for an address already known to be valid (a redirect target, a discovered feed). */
    public static String normalizeValid(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(scheme).append("://").append(host);
        if (port >= 0) {
            b.append(':').append(port);
        }
        b.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            b.append('?').append(uri.getRawQuery());
        }
        return b.toString();
    }
}
