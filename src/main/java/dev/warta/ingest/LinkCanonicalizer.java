package dev.warta.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The form in which an article's address identifies it across feeds: scheme and host in lower case, no
 * default port, no fragment, no campaign parameters ({@code utm_*}, {@code fbclid}, {@code gclid}). Two
 * feeds that link the same article with different tracking end up at one entry.
 */
public final class LinkCanonicalizer {

    private LinkCanonicalizer() {
    }

    /** The canonical form, or null when the link is not an absolute http(s) URL. */
    public static String canonical(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
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
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (pair.isEmpty() || name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid")) {
                    continue;
                }
                kept.add(pair);
            }
            query = kept.isEmpty() ? null : String.join("&", kept);
        }
        StringBuilder s = new StringBuilder(link.length());
        s.append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            s.append(uri.getRawUserInfo()).append('@');
        }
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
