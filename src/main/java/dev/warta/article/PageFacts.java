package dev.warta.article;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.warta.LeadImage;

/**
 * What a page states about its article outside the article's text. Each field comes from the most reliable
 * place that has it: metadata a newsroom's CMS writes ({@code og:*}, {@code article:*}, JSON-LD) before text
 * a reader sees (Tribunnews' {@code #penulis}/{@code #editor} blocks, "Senin, 19 Desember 2022 17:30 WIB"),
 * and the page's own markup last. A field the page does not state is null; the body may still say it.
 *
 * @param publisher the site's name ({@code og:site_name}, else JSON-LD's publisher)
 */
record PageFacts(String title, String summary, String author, String editor, String publisher,
        NewsDate published, Instant modified, LeadImage image, List<String> tags) {

    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[-–—|:]\\s+[^-–—|]{2,60}$");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("(?iu)\\s*[-–—|]?\\s*halaman\\s+\\d+\\s*$");
    private static final Pattern LABEL = Pattern.compile("(?iu)^\\s*(?:penulis|reporter|wartawan|author|oleh|by|editor|"
            + "penyunting)\\s*[:\\-]?\\s*");
    private static final String DATE_ELEMENTS = "time, .date, .time, #date, .tanggal, .post-date, .entry-date";
    private static final String TAG_LINKS = "a[rel~=(?i)\\btag\\b], .tagcloud3 a, .tagcloud a, .tags a, .post-tags a,"
            + " .tag-list a, ul.tag a, .topik a";

    static PageFacts read(Document doc, PageMetadata meta, URI base) {
        String siteName = meta.meta("og:site_name").orElse(null);
        Optional<JsonLd> ld = meta.ld();
        String publisher = siteName != null ? siteName : ld.map(j -> j.names("publisher")).filter(l -> !l.isEmpty())
                .map(l -> l.get(0)).orElse(null);
        String summary = meta.meta("description", "og:description", "twitter:description")
                .or(() -> ld.flatMap(j -> j.text("description")))
                .map(PlainText::spaces).orElse(null);
        LeadImage image = PageImage.read(meta, base);
        String editor = byline(doc.selectFirst("#editor")).or(() -> names(ld, "editor")).orElse(null);
        return new PageFacts(title(doc, meta, siteName), summary, author(doc, meta, siteName), editor, publisher,
                published(doc, meta), modified(meta), image, tags(doc, meta));
    }

    private static String title(Document doc, PageMetadata meta, String siteName) {
        Optional<JsonLd> ld = meta.ld();
        return meta.meta("og:title", "twitter:title").map(t -> stripSiteName(t, siteName))
                .or(() -> ld.flatMap(j -> j.text("headline")))
                .or(() -> text(doc.selectFirst("h1")))
                .or(() -> ld.flatMap(j -> j.text("name")))
                .or(() -> Optional.of(doc.title()).filter(t -> !t.isBlank()).map(t -> stripSiteName(t, siteName)))
                .map(t -> PAGE_SUFFIX.matcher(t).replaceAll(""))
                .orElse(null);
    }

    private static String author(Document doc, PageMetadata meta, String siteName) {
        return byline(doc.selectFirst("#penulis"))
                .or(() -> names(meta.ld(), "author"))
                .or(() -> meta.meta("author").filter(a -> !looksLikeDomain(a) && !a.equalsIgnoreCase(siteName)))
                .or(() -> text(doc.selectFirst("[itemprop=author] [itemprop=name], [rel=author]")).flatMap(PageFacts::byline))
                .orElse(null);
    }

    private static NewsDate published(Document doc, PageMetadata meta) {
        return meta.meta("article:published_time").flatMap(NewsDates::readIso)
                .or(() -> meta.meta("datePublished").flatMap(NewsDates::readIso))
                .or(() -> meta.ld().flatMap(j -> j.text("datePublished")).flatMap(NewsDates::readIso))
                .or(() -> meta.meta("pubdate", "publishdate").flatMap(NewsDates::readIso))
                .or(() -> attr(doc.selectFirst("time[datetime]"), "datetime").flatMap(NewsDates::readIso))
                .or(() -> dateText(doc))
                .orElse(null);
    }

    private static Instant modified(PageMetadata meta) {
        return meta.meta("article:modified_time").flatMap(NewsDates::parseIso)
                .or(() -> meta.meta("og:updated_time").flatMap(NewsDates::parseIso))
                .or(() -> meta.meta("dateModified").flatMap(NewsDates::parseIso))
                .or(() -> meta.ld().flatMap(j -> j.text("dateModified")).flatMap(NewsDates::parseIso))
                .orElse(null);
    }

    /** The page's tags: its tag links, else {@code article:tag}, else JSON-LD keywords, else the keywords meta. */
    private static List<String> tags(Document doc, PageMetadata meta) {
        List<String> linked = new ArrayList<>();
        for (Element a : doc.select(TAG_LINKS)) {
            String t = PlainText.spaces(a.text()).replaceFirst("^#\\s*", "");
            if (PlainText.hasWord(t) && linked.stream().noneMatch(t::equalsIgnoreCase)) {
                linked.add(t);
            }
        }
        if (!linked.isEmpty()) {
            return linked;
        }
        List<String> fromMeta = distinct(meta.metas("article:tag"));
        if (!fromMeta.isEmpty()) {
            return fromMeta;
        }
        List<String> keywords = meta.ld().map(JsonLd::keywords).orElse(List.of());
        if (!keywords.isEmpty()) {
            return keywords;
        }
        return distinct(List.of(meta.meta("news_keywords", "keywords").orElse("").split(",")));
    }

    private static List<String> distinct(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = PlainText.spaces(v);
            if (PlainText.hasWord(t) && out.stream().noneMatch(t::equalsIgnoreCase)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Names of people JSON-LD gives for a role, joined: "Rina Kartika, Dedi Supriadi". */
    private static Optional<String> names(Optional<JsonLd> ld, String field) {
        return ld.map(j -> j.names(field)).filter(l -> !l.isEmpty()).map(l -> String.join(", ", l));
    }

    /** "Senin, 19 Desember 2022 17:30 WIB" in the elements pages put dates in. */
    private static Optional<NewsDate> dateText(Document doc) {
        for (Element e : doc.select(DATE_ELEMENTS)) {
            Optional<NewsDate> date = NewsDates.readText(e.text());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static String stripSiteName(String title, String siteName) {
        String t = PlainText.spaces(title);
        Matcher m = SITE_SUFFIX.matcher(t);
        if (m.find()) {
            String suffix = m.group().replaceFirst("^\\s+[-–—|:]\\s+", "");
            if ((siteName != null && suffix.equalsIgnoreCase(siteName)) || looksLikeDomain(suffix)
                    || (siteName != null && siteName.toLowerCase(Locale.ROOT).contains(suffix.toLowerCase(Locale.ROOT)))) {
                return t.substring(0, m.start()).strip();
            }
        }
        return t;
    }

    private static boolean looksLikeDomain(String s) {
        return s.strip().matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    }

    /** A byline block's name: "Penulis: Yunita Rahmayanti" → "Yunita Rahmayanti"; also "Penulis: A | Editor: B" → A. */
    private static Optional<String> byline(Element e) {
        return text(e).flatMap(PageFacts::byline);
    }

    private static Optional<String> byline(String text) {
        String t = LABEL.matcher(text).replaceFirst("");
        t = t.split("\\s+[|•·]\\s+|(?i)\\s+editor\\s*:", 2)[0].strip();
        return PlainText.hasWord(t) ? Optional.of(t) : Optional.empty();
    }

    private static Optional<String> attr(Element e, String name) {
        return e == null || e.attr(name).isBlank() ? Optional.empty() : Optional.of(e.attr(name).strip());
    }

    private static Optional<String> text(Element e) {
        return e == null ? Optional.empty() : Optional.of(PlainText.spaces(e.text())).filter(t -> !t.isEmpty());
    }
}
