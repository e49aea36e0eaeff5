package dev.warta.article;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The next page of a multi-page article: {@code link rel=next}, or a "Halaman selanjutnya" link, on the same site. */
final class NextPageFinder {

    private static final Pattern NEXT_TEXT = Pattern.compile(
            "(?iu)^(?:halaman\\s+)?(?:selanjutnya|berikutnya)\\b.*$|^next(?:\\s+page)?\\s*[»›>]*$|^lanjut\\w*\\s*[»›>]*$");

    private NextPageFinder() {
    }

    /** The page after this one, or null when it links none (itself, "show all", another site's page are none). */
    static URI find(Document doc, PageMetadata meta, PageAddress where) {
        List<String> hrefs = new ArrayList<>();
        meta.link("next").ifPresent(hrefs::add);
        for (Element a : doc.select("a[href]")) {
            if (a.attr("rel").toLowerCase(Locale.ROOT).contains("next") || a.hasClass("next")
                    || NEXT_TEXT.matcher(PlainText.spaces(a.text())).matches()) {
                hrefs.add(a.attr("href"));
            }
        }
        String self = where.self();
        String canonical = where.canonical();
        for (String href : hrefs) {
            Optional<String> url = PageUrls.resolve(where.base(), href);
            if (url.isEmpty() || url.get().equals(self) || url.get().equals(canonical)
                    || url.get().matches("(?i).*[?&]page=all\\b.*")) {
                continue;
            }
            String reference = self != null ? self : canonical;
            if (reference != null && !PageUrls.sameHost(reference, url.get())) {
                continue;
            }
            return URI.create(url.get());
        }
        return null;
    }
}
