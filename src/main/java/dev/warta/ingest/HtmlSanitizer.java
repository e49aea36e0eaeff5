package dev.warta.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** The one place outside HTML is cleaned before it is stored: no scripts, styles, handlers or frames. */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr")
            .addAttributes("a", "title")
            .addProtocols("a", "href", "http", "https", "mailto");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSanitizer() {
    }

    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    /**
     * Cleans HTML from another site: relative links and images are made absolute against {@code baseUri}
     * (the item's own address) instead of being dropped.
     */
    public static String clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return null;
        }
        return Jsoup.clean(html, baseUri == null ? "" : baseUri, SAFELIST, OUTPUT);
    }

    /** Plain text of a fragment, for summaries and titles that might carry markup. */
    public static String text(String html) {
        if (html == null) {
            return null;
        }
        return Jsoup.parseBodyFragment(html).text();
    }
}
