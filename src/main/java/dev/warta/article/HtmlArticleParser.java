package dev.warta.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import dev.warta.article.NewsroomMarkers.Role;
import dev.warta.entry.Byline;
import dev.warta.ingest.HtmlSanitizer;
import dev.warta.ingest.TitleKey;

/**
 * Reads a news article page (Tribunnews and its regional sites first, any news site with schema.org
 * metadata second) into an {@link ArticleDraft}.
 *
 * <p>Each field is taken from the most reliable place that has it: metadata a newsroom's CMS writes
 * ({@code og:*}, {@code article:*}, JSON-LD) before text a reader sees (the byline blocks, "Senin, 19
 * Desember 2022 17:30 WIB"), and the page's own markup only as the last resort. The body comes from the
 * article container ({@code .side-article.txt-article} on Tribunnews, a few other known containers, else
 * the densest block of paragraphs, else JSON-LD {@code articleBody}); ads, scripts, share widgets and
 * pagination are dropped, and the paragraphs the newsroom text format has markers for ("Baca juga",
 * "Laporan Wartawan", the dateline, the credit, "Artikel lain terkait") become fields, not body.
 *
 * <p>One call reads one page; {@link #join(List)} puts the pages of a multi-page article together. The
 * parser does no I/O: fetching the next pages is {@link ArticlePageReader}'s job.
 */
public class HtmlArticleParser {

    /** Known article containers, most specific first. */
    private static final String CONTAINERS = String.join(", ",
            ".side-article.txt-article", ".txt-article", "[itemprop=articleBody]", ".read__content",
            ".detail__body-text", ".detail-text", ".article-content-body__item-content", ".entry-content",
            ".post-content", ".article-content", ".article-body", ".story-body");

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "br", "cite", "code", "em", "font", "i",
            "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr");
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "center", "dd", "details",
            "div", "dl", "dt", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
            "nav", "ol", "p", "pre", "section", "table", "ul");
    /** Never article text. */
    private static final String JUNK_TAGS = "script, style, noscript, iframe, ins, form, button, input, select, textarea,"
            + " svg, canvas, object, embed, video, audio, link, meta, template, nav, aside";
    /** Words in a class or id that mark ads, share widgets, pagination, comment boxes and the like. */
    private static final Pattern JUNK_WORD = Pattern.compile("(?i)^(ad|ads|adv|advert|advertisement|advertorial|iklan|banner|"
            + "promo|sponsor|sponsored|dfp|gpt|adsbygoogle|share|sharing|sharer|social|sosmed|paging|pagination|pager|"
            + "comment|comments|komentar|newsletter|subscribe|langganan|outbrain|taboola|mgid|related|terkait|"
            + "populer|popular|recommended|rekomendasi|breadcrumb|breadcrumbs|tagcloud\\d*|tags)$");

    private static final Pattern PAGINATION = Pattern.compile(
            "(?iu)^(?:halaman\\s+(?:selanjutnya|berikutnya|sebelumnya)|selanjutnya|berikutnya|sebelumnya|next|prev|"
                    + "previous|tampilkan\\s+semua|lihat\\s+semua|halaman\\s+\\d+|[\\d\\s»«›‹<>|]+)[\\s»›>]*$");
    private static final Pattern NEXT_TEXT = Pattern.compile(
            "(?iu)^(?:halaman\\s+)?(?:selanjutnya|berikutnya)\\b.*$|^next(?:\\s+page)?\\s*[»›>]*$|^lanjut\\w*\\s*[»›>]*$");
    private static final Pattern FOLLOW_US = Pattern.compile(
            "(?iu)^(?:ikuti|simak|dapatkan|gabung)\\b.{0,80}\\b(?:google\\s+news|whatsapp|telegram|channel|saluran)\\b.*$");
    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[-–—|:]\\s+[^-–—|]{2,60}$");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("(?iu)\\s*[-–—|]?\\s*halaman\\s+\\d+\\s*$");
    private static final Pattern LABEL = Pattern.compile("(?iu)^\\s*(?:penulis|reporter|wartawan|author|oleh|by|editor|"
            + "penyunting)\\s*[:\\-]?\\s*");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;,…\"'”’»]$");
    /** The dash that ends a dateline, not the one in "TRIBUN-TIMUR.COM". */
    private static final Pattern DATELINE_DASH = Pattern.compile("(?:^|\\s)[-–—]+\\s*|[-–—]+(?:\\s+|$)");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

    /** One page of an article, as read; {@link #join(List)} makes the draft. */
    public record Page(
            URI address,
            String canonicalUrl,
            String title,
            String summary,
            Byline byline,
            Instant publishedAt,
            Instant modifiedAt,
            String imageUrl,
            List<String> tags,
            List<String> trailerTopics,
            String bodyHtml,
            List<ArticleDraft.RelatedArticle> related,
            URI next,
            List<String> notes) {
    }

    /** Reads one page and joins nothing: the draft of a single-page article. */
    public ArticleDraft parse(String html, URI address) {
        return join(List.of(parsePage(html, address)));
    }

    /** Decodes page bytes: the charset given (from Content-Type), else the page's BOM or meta charset, else UTF-8. */
    public static Document decode(byte[] bytes, Charset charset, URI address) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(bytes), charset == null ? null : charset.name(),
                    address == null ? "" : address.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Page parsePage(String html, URI address) {
        return parsePage(Jsoup.parse(html, address == null ? "" : address.toString()), address);
    }

    public Page parsePage(Document doc, URI address) {
        List<String> notes = new ArrayList<>();
        Optional<JsonLd> ld = JsonLd.of(doc);

        // Without the page's address, the page's own statement of it lets relative links be resolved.
        String canonical = firstUrl(doc, null, ld);
        URI base = address;
        if (base == null && canonical != null) {
            base = URI.create(canonical);
            doc.setBaseUri(canonical);
        }
        if (canonical == null) {
            canonical = firstUrl(doc, base, ld);
        }
        if (canonical == null && address != null) {
            canonical = PageUrls.normalize(address.toString()).orElse(null);
        }

        String siteName = meta(doc, "og:site_name").orElse(null);
        String title = meta(doc, "og:title").or(() -> meta(doc, "twitter:title")).map(t -> stripSiteName(t, siteName))
                .or(() -> ld.flatMap(j -> j.text("headline")))
                .or(() -> text(doc.selectFirst("h1")))
                .or(() -> ld.flatMap(j -> j.text("name")))
                .or(() -> Optional.of(doc.title()).filter(t -> !t.isBlank()).map(t -> stripSiteName(t, siteName)))
                .map(t -> PAGE_SUFFIX.matcher(t).replaceAll(""))
                .orElse(null);

        Body body = new Body(base);
        URI next = nextPage(doc, base, canonical);
        Element container = doc.selectFirst(CONTAINERS);
        Optional<String> articleBody = ld.flatMap(JsonLd::articleBody);
        if (container == null) {
            Element densest = densest(doc);
            int densestLength = densest == null ? 0 : densest.text().length();
            if (articleBody.isPresent() && densestLength < articleBody.get().strip().length() * 6 / 10) {
                body.fromText(articleBody.get());
                notes.add("the body is the page's JSON-LD articleBody (plain text, without links)");
            } else if (densest != null) {
                body.walk(clean(densest.clone()));
            }
        } else {
            body.walk(clean(container.clone()));
        }
        if (body.out.children().isEmpty() && articleBody.isPresent()) {
            body.fromText(articleBody.get());
        }
        if (body.trailerTopics.isEmpty()) {
            trailerOutside(doc).ifPresent(body.trailerTopics::add);
        }
        if (body.unresolvedLinks > 0) {
            notes.add(body.unresolvedLinks + " \"Baca juga\" link(s) are relative and the page's address is unknown:"
                    + " give the address (?url=) to keep them");
        }

        String author = byline(doc.selectFirst("#penulis"))
                .or(() -> ld.map(j -> j.names("author")).filter(l -> !l.isEmpty()).map(l -> String.join(", ", l)))
                .or(() -> meta(doc, "author").filter(a -> !looksLikeDomain(a) && !a.equalsIgnoreCase(siteName)))
                .or(() -> text(doc.selectFirst("[itemprop=author] [itemprop=name], [rel=author]")).flatMap(HtmlArticleParser::byline))
                .orElse(body.people.getOrDefault(Role.AUTHOR, body.people.get(Role.REPORTER)));
        String editor = byline(doc.selectFirst("#editor"))
                .or(() -> ld.map(j -> j.names("editor")).filter(l -> !l.isEmpty()).map(l -> String.join(", ", l)))
                .orElse(body.people.get(Role.EDITOR));

        Instant published = meta(doc, "article:published_time").flatMap(NewsDates::parseIso)
                .or(() -> meta(doc, "datePublished").flatMap(NewsDates::parseIso))
                .or(() -> ld.flatMap(j -> j.text("datePublished")).flatMap(NewsDates::parseIso))
                .or(() -> meta(doc, "pubdate").or(() -> meta(doc, "publishdate")).flatMap(NewsDates::parseIso))
                .or(() -> attr(doc.selectFirst("time[datetime]"), "datetime").flatMap(NewsDates::parseIso))
                .or(() -> dateText(doc))
                .or(() -> Optional.ofNullable(ArticleTextParser.findDate(body.out.text())))
                .orElse(null);
        Instant modified = meta(doc, "article:modified_time").flatMap(NewsDates::parseIso)
                .or(() -> meta(doc, "og:updated_time").flatMap(NewsDates::parseIso))
                .or(() -> meta(doc, "dateModified").flatMap(NewsDates::parseIso))
                .or(() -> ld.flatMap(j -> j.text("dateModified")).flatMap(NewsDates::parseIso))
                .orElse(null);

        URI imageBase = base;
        String image = meta(doc, "og:image").or(() -> meta(doc, "og:image:url")).or(() -> meta(doc, "twitter:image"))
                .or(() -> ld.flatMap(j -> j.url("image")))
                .or(() -> attr(doc.selectFirst("link[rel=image_src]"), "href"))
                .flatMap(src -> PageUrls.resolve(imageBase, src))
                .orElse(null);

        String summary = meta(doc, "description").or(() -> meta(doc, "og:description"))
                .or(() -> meta(doc, "twitter:description"))
                .or(() -> ld.flatMap(j -> j.text("description")))
                .map(HtmlArticleParser::spaces)
                .orElseGet(() -> body.firstParagraph == null ? null : ArticleTextParser.leadSentences(body.firstParagraph));

        String publisher = body.publisher != null ? body.publisher
                : siteName != null ? siteName
                : ld.map(j -> j.names("publisher")).filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse(null);

        Byline byline = new Byline(author, editor, body.people.get(Role.REPORTER), publisher, body.city, body.credit);
        return new Page(address, canonical, title, summary, byline, published, modified, image, tags(doc, ld), List.copyOf(body.trailerTopics),
                body.out.children().isEmpty() ? null : body.html(), List.copyOf(body.related), next, List.copyOf(notes));
    }

    /**
     * The article the pages make: metadata from the first page, the bodies and "Baca juga" links of all of
     * them in order (without links back to the article itself), the topic from an "Artikel lain terkait"
     * trailer on any page, else the first tag.
     */
    public ArticleDraft join(List<Page> pages) {
        Page first = pages.get(0);
        String titleKey = first.title() == null ? "" : TitleKey.of(first.title());
        Set<String> ownAddresses = new LinkedHashSet<>();
        for (Page p : pages) {
            if (p.canonicalUrl() != null) {
                ownAddresses.add(p.canonicalUrl());
            }
            if (p.address() != null) {
                PageUrls.normalize(p.address().toString()).ifPresent(ownAddresses::add);
            }
        }
        StringBuilder bodies = new StringBuilder();
        List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
        Set<String> seenRelated = new LinkedHashSet<>();
        List<String> topics = new ArrayList<>();
        String credit = null;
        String reporter = null;
        String city = null;
        for (Page p : pages) {
            if (p.bodyHtml() != null) {
                bodies.append(p.bodyHtml());
            }
            for (ArticleDraft.RelatedArticle r : p.related()) {
                String key = TitleKey.of(r.title());
                boolean self = key.equals(titleKey) || (r.url() != null && ownAddresses.contains(r.url()));
                boolean again = !seenRelated.add(key) || (r.url() != null && !seenRelated.add(r.url()));
                if (!self && !again && !key.isEmpty()) {
                    related.add(r);
                }
            }
            for (String t : p.trailerTopics()) {
                if (topics.stream().noneMatch(t::equalsIgnoreCase)) {
                    topics.add(t);
                }
            }
            credit = p.byline().credit() != null ? p.byline().credit() : credit;
            reporter = reporter != null ? reporter : p.byline().reporter();
            city = city != null ? city : p.byline().city();
        }
        List<String> tags = first.tags();
        if (topics.isEmpty() && !tags.isEmpty()) {
            topics.add(tags.get(0));
        }
        Byline byline = new Byline(first.byline().author() != null ? first.byline().author() : reporter, first.byline().editor(),
                reporter, first.byline().publisher(), city, credit);
        return new ArticleDraft(first.title(), first.summary(), byline, first.publishedAt(), bodies.length() == 0 ? null : bodies.toString(), related, topics,
                first.canonicalUrl(), first.imageUrl(), first.modifiedAt(), tags);
    }

    // ---- metadata

    private static Optional<String> meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
                return Optional.of(m.attr("content").strip());
            }
        }
        return Optional.empty();
    }

    private static List<String> metas(Document doc, String name) {
        List<String> values = new ArrayList<>();
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.attr("name");
            if (key.equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
                values.add(m.attr("content").strip());
            }
        }
        return values;
    }

    private static Optional<String> attr(Element e, String name) {
        return e == null || e.attr(name).isBlank() ? Optional.empty() : Optional.of(e.attr(name).strip());
    }

    private static Optional<String> text(Element e) {
        return e == null ? Optional.empty() : Optional.of(spaces(e.text())).filter(t -> !t.isEmpty());
    }

    /** The page's canonical address: {@code link rel=canonical}, {@code og:url}, JSON-LD url. */
    private static String firstUrl(Document doc, URI base, Optional<JsonLd> ld) {
        List<String> candidates = new ArrayList<>();
        attr(doc.selectFirst("link[rel=canonical]"), "href").ifPresent(candidates::add);
        meta(doc, "og:url").ifPresent(candidates::add);
        ld.flatMap(j -> j.url("mainEntityOfPage")).ifPresent(candidates::add);
        ld.flatMap(j -> j.url("url")).ifPresent(candidates::add);
        for (String c : candidates) {
            Optional<String> url = base == null ? PageUrls.normalize(c) : PageUrls.resolve(base, c);
            if (url.isPresent()) {
                return url.get();
            }
        }
        return null;
    }

    private static String stripSiteName(String title, String siteName) {
        String t = spaces(title);
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
        return text(e).flatMap(HtmlArticleParser::byline);
    }

    private static Optional<String> byline(String text) {
        String t = LABEL.matcher(text).replaceFirst("");
        t = t.split("\\s+[|•·]\\s+|(?i)\\s+editor\\s*:", 2)[0].strip();
        return t.isEmpty() || !HAS_WORD.matcher(t).find() ? Optional.empty() : Optional.of(t);
    }

    /** "Senin, 19 Desember 2022 17:30 WIB" in the elements pages put dates in, then anywhere before the body. */
    private static Optional<Instant> dateText(Document doc) {
        for (Element e : doc.select("time, .date, .time, #date, .tanggal, .post-date, .entry-date")) {
            Optional<Instant> date = NewsDates.parseText(e.text());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static List<String> tags(Document doc, Optional<JsonLd> ld) {
        List<String> linked = new ArrayList<>();
        for (Element a : doc.select("a[rel~=(?i)\\btag\\b], .tagcloud3 a, .tagcloud a, .tags a, .post-tags a, .tag-list a,"
                + " ul.tag a, .topik a")) {
            String t = spaces(a.text()).replaceFirst("^#\\s*", "");
            if (HAS_WORD.matcher(t).find() && linked.stream().noneMatch(t::equalsIgnoreCase)) {
                linked.add(t);
            }
        }
        if (!linked.isEmpty()) {
            return linked;
        }
        List<String> fromMeta = distinct(metas(doc, "article:tag"));
        if (!fromMeta.isEmpty()) {
            return fromMeta;
        }
        List<String> keywords = ld.map(JsonLd::keywords).orElse(List.of());
        if (!keywords.isEmpty()) {
            return keywords;
        }
        return distinct(List.of(meta(doc, "news_keywords").or(() -> meta(doc, "keywords")).orElse("").split(",")));
    }

    private static List<String> distinct(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = spaces(v);
            if (HAS_WORD.matcher(t).find() && out.stream().noneMatch(t::equalsIgnoreCase)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The "Artikel lain terkait …" trailer where a page puts it outside the article container. */
    private static Optional<String> trailerOutside(Document doc) {
        for (Element e : doc.getElementsMatchingOwnText("(?i)artikel\\s+lain\\s+terkait")) {
            Element block = e;
            while (block.parent() != null && INLINE.contains(block.normalName())) {
                block = block.parent();
            }
            String text = spaces(block.text());
            if (text.length() < 200 && NewsroomMarkers.classify(text) instanceof NewsroomMarkers.Trailer t) {
                return Optional.ofNullable(t.topic());
            }
        }
        return Optional.empty();
    }

    /** The next page of a multi-page article, on the same site, when the page links one. */
    private static URI nextPage(Document doc, URI base, String canonical) {
        List<String> hrefs = new ArrayList<>();
        attr(doc.selectFirst("link[rel=next]"), "href").ifPresent(hrefs::add);
        for (Element a : doc.select("a[href]")) {
            if (a.attr("rel").toLowerCase(Locale.ROOT).contains("next") || a.hasClass("next")
                    || NEXT_TEXT.matcher(spaces(a.text())).matches()) {
                hrefs.add(a.attr("href"));
            }
        }
        String self = base == null ? canonical : PageUrls.normalize(base.toString()).orElse(canonical);
        for (String href : hrefs) {
            Optional<String> url = PageUrls.resolve(base, href);
            if (url.isEmpty() || url.get().equals(self) || url.get().equals(canonical) || url.get().matches("(?i).*[?&]page=all\\b.*")) {
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

    // ---- body

    /** A copy of the container without ads, scripts, share widgets and other furniture. */
    private static Element clean(Element container) {
        container.select(JUNK_TAGS).remove();
        for (Element e : container.select("*")) {
            // A "related" box may be the very "Baca juga" paragraph the links come from.
            if (e != container && e.parent() != null && isJunk(e) && !isRelated(e)) {
                e.remove();
            }
        }
        return container;
    }

    private static boolean isRelated(Element e) {
        return NewsroomMarkers.classify(spaces(e.text())) instanceof NewsroomMarkers.Related;
    }

    private static boolean isJunk(Element e) {
        if (e.id().toLowerCase(Locale.ROOT).startsWith("div-gpt-ad")) {
            return true;
        }
        for (String name : e.classNames()) {
            for (String word : name.split("[-_\\s]+")) {
                if (JUNK_WORD.matcher(word).matches()) {
                    return true;
                }
            }
        }
        for (String word : e.id().split("[-_\\s]+")) {
            if (!word.isEmpty() && JUNK_WORD.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The element with the most paragraph text, counting only text that is not link text, so that a list of
     * headlines in a sidebar does not win over the article.
     */
    private static Element densest(Document doc) {
        Element best = null;
        int bestScore = 0;
        for (Element candidate : doc.body() == null ? List.<Element>of() : doc.body().select("*")) {
            if (candidate.closest("header, footer, nav, aside") != null || isJunk(candidate)) {
                continue;
            }
            int score = 0;
            for (Element child : candidate.children()) {
                if (child.normalName().equals("p")) {
                    int linkText = child.select("a").text().length();
                    score += Math.max(0, child.text().length() - 2 * linkText);
                }
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Builds the body while walking the container, and collects what the markers in it say. */
    private static final class Body {
        final URI base;
        final Element out = new Document("").body();
        final List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
        final List<String> trailerTopics = new ArrayList<>();
        final Map<Role, String> people = new EnumMap<>(Role.class);
        String credit;
        String publisher;
        String city;
        String firstParagraph;
        int unresolvedLinks;

        Body(URI base) {
            this.base = base;
            out.ownerDocument().outputSettings().prettyPrint(false);
        }

        String html() {
            return HtmlSanitizer.clean(out.html());
        }

        void fromText(String text) {
            for (String line : text.split("\\r?\\n")) {
                String t = spaces(line);
                if (!t.isEmpty()) {
                    paragraph(new Element("p").text(t));
                }
            }
        }

        void walk(Element container) {
            List<Node> run = new ArrayList<>();
            for (Node node : new ArrayList<>(container.childNodes())) {
                if (node instanceof TextNode || (node instanceof Element el && INLINE.contains(el.normalName()))) {
                    run.add(node);
                } else if (node instanceof Element el) {
                    flush(run);
                    block(el);
                }
            }
            flush(run);
        }

        /** Text and inline elements directly in a container: paragraphs, split at blank lines ({@code <br><br>}). */
        private void flush(List<Node> run) {
            if (run.isEmpty()) {
                return;
            }
            Element p = new Element("p");
            Node previous = null;
            for (Node n : run) {
                boolean br = n instanceof Element el && el.normalName().equals("br");
                if (br && previous instanceof Element pe && pe.normalName().equals("br")) {
                    p.children().last().remove();
                    paragraph(p);
                    p = new Element("p");
                    previous = null;
                    continue;
                }
                if (!(n instanceof TextNode t && t.isBlank() && p.childNodeSize() == 0)) {
                    p.appendChild(n.clone());
                }
                if (!(n instanceof TextNode t2 && t2.isBlank())) {
                    previous = n;
                }
            }
            paragraph(p);
            run.clear();
        }

        private void block(Element el) {
            switch (el.normalName()) {
                case "p" -> paragraph(el);
                case "h1", "h2", "h3" -> heading(el, "h2");
                case "h4", "h5", "h6" -> heading(el, "h3");
                case "ul", "ol", "table", "pre", "dl" -> keep(el);
                case "blockquote" -> {
                    if (isRelated(el)) {
                        paragraph(el);
                    } else {
                        keep(el);
                    }
                }
                case "figure" -> figure(el);
                case "img" -> figure(new Element("figure").appendChild(el.clone()));
                case "hr", "br" -> {
                }
                default -> {
                    boolean hasBlocks = el.children().stream().anyMatch(c -> BLOCK.contains(c.normalName()) || c.normalName().equals("img"));
                    if (hasBlocks) {
                        walk(el);
                    } else {
                        paragraph(el);
                    }
                }
            }
        }

        private void paragraph(Element p) {
            String text = spaces(p.text());
            if (text.isEmpty()) {
                if (!p.select("img").isEmpty()) {
                    figure(p);
                }
                return;
            }
            NewsroomMarkers.Line kind = NewsroomMarkers.classify(text);
            if (kind instanceof NewsroomMarkers.Related r) {
                related(p, r.title());
                return;
            }
            if (kind instanceof NewsroomMarkers.Trailer t) {
                if (t.topic() != null && trailerTopics.stream().noneMatch(t.topic()::equalsIgnoreCase)) {
                    trailerTopics.add(t.topic());
                }
                return;
            }
            if (kind instanceof NewsroomMarkers.Credit c) {
                credit = c.credit();
                return;
            }
            if (kind instanceof NewsroomMarkers.Person person) {
                people.putIfAbsent(person.role(), person.name());
                return;
            }
            if (PAGINATION.matcher(text).matches() || FOLLOW_US.matcher(text).matches()) {
                return;
            }
            Element copy = inline(p);
            if (firstParagraph == null && kind instanceof NewsroomMarkers.Dateline d) {
                publisher = d.publisher();
                city = d.city();
                stripThroughDash(copy);
                text = spaces(copy.text());
                if (text.isEmpty()) {
                    return;
                }
            }
            if (firstParagraph == null) {
                firstParagraph = text;
            }
            if (isSubheading(p, text)) {
                out.appendElement("h2").text(text);
            } else {
                out.appendChild(copy);
            }
        }

        /** {@code <p><strong>Latihan militer bersama</strong></p>}: a subheading written as a bold paragraph. */
        private boolean isSubheading(Element p, String text) {
            if (p.children().size() != 1 || !Set.of("strong", "b").contains(p.child(0).normalName())) {
                return false;
            }
            return spaces(p.child(0).text()).equals(text) && ArticleTextParser.isHeading(text)
                    && !FINAL_PUNCTUATION.matcher(text).find() && firstParagraph != null;
        }

        private void heading(Element h, String level) {
            String text = spaces(h.text());
            if (text.isEmpty()) {
                return;
            }
            if (NewsroomMarkers.isMarker(text)) {
                paragraph(h);
                return;
            }
            out.appendElement(level).text(text);
        }

        private void keep(Element el) {
            if (spaces(el.text()).isEmpty()) {
                return;
            }
            out.appendChild(inline(el));
        }

        private void figure(Element el) {
            Element img = el.normalName().equals("img") ? el : el.selectFirst("img");
            if (img == null) {
                return;
            }
            Optional<String> src = PageUrls.resolve(base, img.hasAttr("data-src") ? img.attr("data-src") : img.attr("src"));
            if (src.isEmpty()) {
                return;
            }
            Element figure = out.appendElement("figure");
            figure.appendElement("img").attr("src", src.get()).attr("alt", img.attr("alt"));
            Element caption = el.selectFirst("figcaption");
            if (caption != null && !caption.text().isBlank()) {
                figure.appendElement("figcaption").text(spaces(caption.text()));
            }
        }

        /** "Baca juga: <a href=…>Title</a>" → a related article with an absolute address. */
        private void related(Element p, String title) {
            List<Element> links = p.select("a[href]");
            if (links.isEmpty()) {
                if (title != null) {
                    add(new ArticleDraft.RelatedArticle(title, null));
                }
                return;
            }
            for (Element a : links) {
                String linkTitle = NewsroomMarkers.relatedTitle(a.text()).orElse(null);
                if (linkTitle == null) {
                    continue;
                }
                Optional<String> url = PageUrls.resolve(base, a.attr("href"));
                if (url.isEmpty() && base == null && !a.attr("href").isBlank() && !a.attr("href").startsWith("#")) {
                    unresolvedLinks++;
                }
                add(new ArticleDraft.RelatedArticle(linkTitle, url.orElse(null)));
            }
        }

        private void add(ArticleDraft.RelatedArticle r) {
            String key = TitleKey.of(r.title());
            if (!key.isEmpty() && related.stream().noneMatch(x -> TitleKey.of(x.title()).equals(key))) {
                related.add(r);
            }
        }

        /** A copy holding only text, links (absolute), emphasis and line breaks. */
        private Element inline(Element source) {
            String tag = Set.of("p", "ul", "ol", "table", "pre", "dl", "blockquote").contains(source.normalName())
                    ? source.normalName() : "p";
            Element copy = new Element(tag);
            for (Node child : source.childNodes()) {
                copy.appendChild(child.clone());
            }
            for (Element e : copy.select("*")) {
                if (e == copy) {
                    continue;
                }
                switch (e.normalName()) {
                    case "a" -> {
                        Optional<String> href = PageUrls.resolve(base, e.attr("href"));
                        e.clearAttributes();
                        if (href.isPresent()) {
                            e.attr("href", href.get());
                        } else {
                            e.unwrap();
                        }
                    }
                    case "img" -> {
                        Optional<String> src = PageUrls.resolve(base, e.hasAttr("data-src") ? e.attr("data-src") : e.attr("src"));
                        String alt = e.attr("alt");
                        e.clearAttributes();
                        if (src.isPresent()) {
                            e.attr("src", src.get()).attr("alt", alt);
                        } else {
                            e.remove();
                        }
                    }
                    case "span", "font", "time", "abbr", "div", "section" -> e.unwrap();
                    default -> {
                        String colspan = e.attr("colspan");
                        e.clearAttributes();
                        if (!colspan.isEmpty()) {
                            e.attr("colspan", colspan);
                        }
                    }
                }
            }
            return copy;
        }

        /** Removes "TRIBUNNEWS.COM, JAKARTA -" from the start of the first paragraph, wherever its markup puts the dash. */
        private static boolean stripThroughDash(Element e) {
            for (Node n : new ArrayList<>(e.childNodes())) {
                if (n instanceof TextNode t) {
                    String s = t.getWholeText();
                    Matcher m = DATELINE_DASH.matcher(s);
                    if (m.find()) {
                        t.text(s.substring(m.end()));
                        return true;
                    }
                    t.remove();
                } else if (n instanceof Element child) {
                    if (DATELINE_DASH.matcher(child.text()).find()) {
                        if (stripThroughDash(child)) {
                            if (spaces(child.text()).isEmpty()) {
                                child.remove();
                            }
                            trimLeading(e);
                            return true;
                        }
                    }
                    child.remove();
                }
            }
            return false;
        }

        private static void trimLeading(Element e) {
            if (e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode t) {
                t.text(t.getWholeText().stripLeading());
            }
        }
    }

    static String spaces(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }
}
