package dev.warta.article;

import java.net.URI;

/**
 * Where a page is: {@code base}, what its relative links resolve against (may be null), and its canonical
 * address (may be null).
 */
record PageAddress(URI base, String canonical) {

    /** {@code address} is where the page was read from, or null for a pasted page. */
    static PageAddress of(PageMetadata meta, URI address) {
        // Without the page's address, the page's own statement of it lets relative links be resolved.
        String canonical = meta.canonicalUrl(null).orElse(null);
        URI base = address != null ? address : canonical == null ? null : URI.create(canonical);
        if (canonical == null) {
            canonical = meta.canonicalUrl(base).orElse(null);
        }
        if (canonical == null && address != null) {
            canonical = PageUrls.normalize(address.toString()).orElse(null);
        }
        return new PageAddress(base, canonical);
    }

    /** The page's own address, normalised, else its canonical one: what a link to "itself" looks like. */
    String self() {
        return base == null ? canonical : PageUrls.normalize(base.toString()).orElse(canonical);
    }
}
