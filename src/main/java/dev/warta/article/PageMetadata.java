package dev.warta.article;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself outside its text, read once: each {@code <meta>} by its property, name or
 * itemprop (case ignored, blank values skipped, in page order), the first {@code <link>} of each rel, and the
 * schema.org article of its JSON-LD. The field readers ask this map instead of walking the document per look-up.
 */
final class PageMetadata {

    private final Map<String, List<String>> metas;
    private final Map<String, String> links;
    private final Optional<JsonLd> ld;

    private PageMetadata(Map<String, List<String>> metas, Map<String, String> links, Optional<JsonLd> ld) {
        this.metas = metas;
        this.links = links;
        this.ld = ld;
    }

    static PageMetadata read(Document doc) {
        Map<String, List<String>> metas = new HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            String content = m.attr("content").strip();
            if (!content.isEmpty()) {
                metas.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(content);
            }
        }
        Map<String, String> links = new HashMap<>();
        for (Element link : doc.select("link[rel]")) {
            links.putIfAbsent(link.attr("rel").strip().toLowerCase(Locale.ROOT), link.attr("href").strip());
        }
        return new PageMetadata(metas, links, JsonLd.of(doc));
    }

    /** The first value of the first of these names that the page gives a value. */
    Optional<String> meta(String... names) {
        for (String name : names) {
            List<String> values = metas.get(name.toLowerCase(Locale.ROOT));
            if (values != null) {
                return Optional.of(values.get(0));
            }
        }
        return Optional.empty();
    }

    /** Every value of a name that may repeat ({@code article:tag}), in page order. */
    List<String> metas(String name) {
        return metas.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The address the page's first {@code <link rel=…>} of this rel names, unless that one names none. */
    Optional<String> link(String rel) {
        return Optional.ofNullable(links.get(rel)).filter(href -> !href.isEmpty());
    }

    /** The schema.org article the page's JSON-LD describes, if any. */
    Optional<JsonLd> ld() {
        return ld;
    }

    /** The page's statement of its own address: {@code link rel=canonical}, {@code og:url}, JSON-LD's. */
    Optional<String> canonicalUrl(URI base) {
        List<String> candidates = new ArrayList<>();
        link("canonical").ifPresent(candidates::add);
        meta("og:url").ifPresent(candidates::add);
        ld.flatMap(j -> j.url("mainEntityOfPage")).ifPresent(candidates::add);
        ld.flatMap(j -> j.url("url")).ifPresent(candidates::add);
        for (String c : candidates) {
            Optional<String> url = base == null ? PageUrls.normalize(c) : PageUrls.resolve(base, c);
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }
}
