package dev.warta.article;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import dev.warta.article.NewsroomMarkers.Role;
import dev.warta.entry.Byline;
import dev.warta.ingest.HtmlSanitizer;
import dev.warta.ingest.TitleKey;

/**
 * Builds an article's body from where {@link BodyLocator} found it: paragraphs (also text split by
 * {@code <br><br>}), subheadings (also a bold paragraph of its own), lists, tables and figures, and takes the
 * lines the newsroom marks ({@link NewsroomMarkers}) out of the body into fields: "Baca juga" links with
 * absolute addresses, bylines, the credit, the trailer's topic, and the dateline's publisher and city.
 */
final class BodyBuilder {

    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "center", "dd", "details",
            "div", "dl", "dt", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
            "nav", "ol", "p", "pre", "section", "table", "ul");
    private static final Pattern PAGINATION = Pattern.compile(
            "(?iu)^(?:halaman\\s+(?:selanjutnya|berikutnya|sebelumnya)|selanjutnya|berikutnya|sebelumnya|next|prev|"
                    + "previous|tampilkan\\s+semua|lihat\\s+semua|halaman\\s+\\d+|[\\d\\s»«›‹<>|]+)[\\s»›>]*$");
    private static final Pattern FOLLOW_US = Pattern.compile(
            "(?iu)^(?:ikuti|simak|dapatkan|gabung)\\b.{0,80}\\b(?:google\\s+news|whatsapp|telegram|channel|saluran)\\b.*$");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;,…\"'”’»]$");

    /**
     * The body as built, and what its markers said.
     *
     * @param html            the sanitized body, or null when nothing was kept
     * @param text            the body's text, where a date in the newsroom's "(19/12/2022)" form may be found
     * @param firstParagraph  the first paragraph's text (after the dateline), or null
     * @param byline          what the body's byline lines, credit and dateline name
     * @param unresolvedLinks "Baca juga" links that stayed relative for want of the page's address
     */
    record Built(String html, String text, String firstParagraph, Byline byline, List<ArticleDraft.RelatedArticle> related,
            List<String> trailerTopics, int unresolvedLinks) {
    }

    private final URI base;
    private final Element out = new Document("").body();
    private final List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
    private final List<String> trailerTopics = new ArrayList<>();
    private final Map<Role, String> people = new EnumMap<>(Role.class);
    private String credit;
    private String publisher;
    private String city;
    private String firstParagraph;
    private int unresolvedLinks;

    /** {@code base} (may be null) is what relative links and images resolve against. */
    BodyBuilder(URI base) {
        this.base = base;
        out.ownerDocument().outputSettings().prettyPrint(false);
    }

    /** Reads one place of the body; the caller stops when {@link #isEmpty()} says it gave something. */
    void read(BodyLocator.Source source) {
        if (source instanceof BodyLocator.Markup m) {
            walk(BodyCleaner.cleanCopy(m.container()));
        } else if (source instanceof BodyLocator.PlainBody t) {
            fromText(t.text());
        }
    }

    boolean isEmpty() {
        return out.children().isEmpty();
    }

    Built build() {
        String reporter = people.get(Role.REPORTER);
        Byline byline = new Byline(people.get(Role.AUTHOR), people.get(Role.EDITOR), reporter, publisher, city, credit);
        return new Built(isEmpty() ? null : HtmlSanitizer.clean(out.html()), out.text(), firstParagraph, byline,
                List.copyOf(related), List.copyOf(trailerTopics), unresolvedLinks);
    }

    private void fromText(String text) {
        for (String line : text.split("\\r?\\n")) {
            String t = PlainText.spaces(line);
            if (!t.isEmpty()) {
                paragraph(new Element("p").text(t));
            }
        }
    }

    private void walk(Element container) {
        List<Node> run = new ArrayList<>();
        for (Node node : new ArrayList<>(container.childNodes())) {
            if (node instanceof TextNode || InlineCopy.isInline(node)) {
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
                if (BodyCleaner.isRelated(el)) {
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
                if (el.children().stream().anyMatch(c -> BLOCK.contains(c.normalName()) || c.normalName().equals("img"))) {
                    walk(el);
                } else {
                    paragraph(el);
                }
            }
        }
    }

    private void paragraph(Element p) {
        String text = PlainText.spaces(p.text());
        if (text.isEmpty()) {
            if (!p.select("img").isEmpty()) {
                figure(p);
            }
            return;
        }
        NewsroomMarkers.Line kind = NewsroomMarkers.classify(text);
        if (takeMarker(kind, p) || PAGINATION.matcher(text).matches() || FOLLOW_US.matcher(text).matches()) {
            return;
        }
        Element copy = InlineCopy.of(p, base);
        if (firstParagraph == null && kind instanceof NewsroomMarkers.Dateline d) {
            publisher = d.publisher();
            city = d.city();
            InlineCopy.stripThroughDash(copy);
            text = PlainText.spaces(copy.text());
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

    /** A marked line becomes a field rather than body text; the first byline of a role counts. */
    private boolean takeMarker(NewsroomMarkers.Line kind, Element p) {
        if (kind instanceof NewsroomMarkers.Related r) {
            related(p, r.title());
        } else if (kind instanceof NewsroomMarkers.Trailer t) {
            if (t.topic() != null && trailerTopics.stream().noneMatch(t.topic()::equalsIgnoreCase)) {
                trailerTopics.add(t.topic());
            }
        } else if (kind instanceof NewsroomMarkers.Credit c) {
            credit = c.credit();
        } else if (kind instanceof NewsroomMarkers.Person person) {
            people.putIfAbsent(person.role(), person.name());
        } else {
            return false;
        }
        return true;
    }

    /** {@code <p><strong>Latihan militer bersama</strong></p>}: a subheading written as a bold paragraph. */
    private boolean isSubheading(Element p, String text) {
        if (p.children().size() != 1 || !Set.of("strong", "b").contains(p.child(0).normalName())) {
            return false;
        }
        return PlainText.spaces(p.child(0).text()).equals(text) && ArticleTextParser.isHeading(text)
                && !FINAL_PUNCTUATION.matcher(text).find() && firstParagraph != null;
    }

    private void heading(Element h, String level) {
        String text = PlainText.spaces(h.text());
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
        if (!PlainText.spaces(el.text()).isEmpty()) {
            out.appendChild(InlineCopy.of(el, base));
        }
    }

    private void figure(Element el) {
        Element img = el.normalName().equals("img") ? el : el.selectFirst("img");
        Optional<String> src = img == null ? Optional.empty() : InlineCopy.imageSource(img, base);
        if (src.isEmpty()) {
            return;
        }
        Element figure = out.appendElement("figure");
        figure.appendElement("img").attr("src", src.get()).attr("alt", img.attr("alt"));
        Element caption = el.selectFirst("figcaption");
        if (caption != null && !caption.text().isBlank()) {
            figure.appendElement("figcaption").text(PlainText.spaces(caption.text()));
        }
    }

    /** "Baca juga: <a href=…>Title</a>" → a related article with an absolute address; without a link, the line's title. */
    private void related(Element p, String title) {
        List<Element> links = p.select("a[href]");
        if (links.isEmpty()) {
            if (title != null) {
                add(new ArticleDraft.RelatedArticle(title, null));
            }
            return;
        }
        for (Element a : links) {
            Optional<String> linkTitle = NewsroomMarkers.relatedTitle(a.text());
            if (linkTitle.isEmpty()) {
                continue;
            }
            String href = a.attr("href");
            Optional<String> url = PageUrls.resolve(base, href);
            if (url.isEmpty() && base == null && !href.isBlank() && !href.startsWith("#")) {
                unresolvedLinks++;
            }
            add(new ArticleDraft.RelatedArticle(linkTitle.get(), url.orElse(null)));
        }
    }

    private void add(ArticleDraft.RelatedArticle r) {
        String key = TitleKey.of(r.title());
        if (!key.isEmpty() && related.stream().noneMatch(x -> TitleKey.of(x.title()).equals(key))) {
            related.add(r);
        }
    }
}
