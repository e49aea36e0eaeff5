package dev.warta.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import dev.warta.ingest.LinkCanonicalizer;

/**
 * Addresses found on pages: resolved against the page and brought into the form ingest stores and compares
 * ({@link LinkCanonicalizer}), so that two links to one article from different "Baca juga" boxes match one entry.
 */
public final class PageUrls {

    private PageUrls() {
    }

    /** The normalised form of an absolute http(s) URL; empty for anything else (relative, mailto:, javascript:, junk). */
    public static Optional<String> normalize(String url) {
        return Optional.ofNullable(LinkCanonicalizer.canonical(url));
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
