package dev.warta.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one form in which Warta stores and compares an article's address, whoever found it (an upstream
 * feed, a page's canonical link, a "Baca juga" box): absolute http(s), scheme and host in lower case, no
 * default port, no fragment, no credentials, no campaign-tracking parameters ({@code utm_*}, {@code fbclid},
 * {@code gclid}, ...). Links to one article with different tracking then meet at one entry.
 */
public final class LinkCanonicalizer {

    private static final Pattern TRACKING = Pattern.compile("(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|_ga|igshid)$");

    private LinkCanonicalizer() {
    }

    /** The canonical form, or null when the link is not an absolute http(s) URL without credentials. */
    public static String canonical(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(link.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !TRACKING.matcher(pair.split("=", 2)[0]).matches()) {
                    kept.append(kept.length() == 0 ? "" : "&").append(pair);
                }
            }
            query = kept.length() == 0 ? null : kept.toString();
        }
        StringBuilder s = new StringBuilder(link.length());
        s.append(scheme).append("://");
        s.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (port >= 0) {
            s.append(':').append(port);
        }
        s.append(path);
        if (query != null) {
            s.append('?').append(query);
        }
        return s.toString();
    }
}
