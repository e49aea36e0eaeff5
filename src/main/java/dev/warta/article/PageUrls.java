package dev.warta.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Addresses found on pages, in the one form Warta stores and compares them: absolute http(s), no
 * fragment, no campaign-tracking parameters ({@code utm_*}, {@code fbclid}, ...), lower-case scheme and host.
 * Two links to the same article from different "Baca juga" boxes then match one entry.
 */
public final class PageUrls {

    private static final Pattern TRACKING = Pattern.compile("(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|_ga|igshid)$");
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private PageUrls() {
    }

    /** The normalised form of an absolute http(s) URL; empty for anything else (relative, mailto:, javascript:, junk). */
    public static Optional<String> normalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String query = uri.getRawQuery();
        if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String param : query.split("&")) {
                String name = param.split("=", 2)[0];
                if (!param.isEmpty() && !TRACKING.matcher(name).matches()) {
                    kept.append(kept.length() == 0 ? "" : "&").append(param);
                }
            }
            query = kept.length() == 0 ? null : kept.toString();
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        if (query != null) {
            out.append('?').append(query);
        }
        return Optional.of(out.toString());
    }

    /** {@code href} resolved against {@code base} (which may be null) and normalised. */
    public static Optional<String> resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        String h = href.strip();
        try {
            URI ref = new URI(h.replace(" ", "%20"));
            if (ref.isAbsolute()) {
                return normalize(h);
            }
            if (base == null) {
                return Optional.empty();
            }
            return normalize(base.resolve(ref).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean sameHost(String a, String b) {
        try {
            String ha = new URI(a).getHost();
            String hb = new URI(b).getHost();
            return ha != null && hb != null && stripWww(ha).equalsIgnoreCase(stripWww(hb));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripWww(String host) {
        return host.regionMatches(true, 0, "www.", 0, 4) ? host.substring(4) : host;
    }
}
