package dev.warta.poll;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed autodiscovery: the feeds an HTML page advertises with
 * {@code <link rel="alternate" type="application/atom+xml|application/rss+xml|application/feed+json" href>},
 * Atom first, then RSS, then JSON Feed, each in document order.
 */
public final class Autodiscovery {

    private static final List<String> TYPES = List.of("application/atom+xml", "application/rss+xml",
            "application/feed+json", "application/json");

    private Autodiscovery() {
    }

    public static List<URI> feeds(byte[] html, Optional<Charset> charset, URI pageUrl) {
        Document doc = Jsoup.parse(new String(html, charset.orElse(StandardCharsets.UTF_8)), pageUrl.toString());
        List<List<URI>> byType = new ArrayList<>();
        TYPES.forEach(t -> byType.add(new ArrayList<>()));
        for (Element link : doc.select("link[rel][href][type]")) {
            Set<String> rels = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
            int index = TYPES.indexOf(type);
            if (!rels.contains("alternate") || index < 0) {
                continue;
            }
            // absUrl honours <base href>
            String abs = link.absUrl("href");
            String href = DraftNormalizer.absolute(abs.isEmpty() ? link.attr("href") : abs, pageUrl);
            if (href != null) {
                byType.get(index).add(URI.create(href));
            }
        }
        Set<URI> all = new LinkedHashSet<>();
        byType.forEach(all::addAll);
        return List.copyOf(all);
    }
}
