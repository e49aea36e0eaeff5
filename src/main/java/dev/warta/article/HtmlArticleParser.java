package dev.warta.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import dev.warta.LeadImage;
import dev.warta.entry.Byline;

/**
 * Reads a news article page (Tribunnews and its regional sites first, any news site with schema.org
 * metadata second) into an {@link ArticleDraft}, one stage per class:
 *
 * <ol>
 * <li>{@link PageMetadata} reads the page's {@code <meta>}, {@code <link>} and JSON-LD once;
 * {@link PageAddress} says where the page is and {@link PageFacts} picks the fields it states outside the body;
 * <li>{@link BodyLocator} finds where the article's text is (a known container, the densest block, JSON-LD);
 * <li>{@link BodyBuilder} cleans it ({@link BodyCleaner}) and builds the body, turning the newsroom's marked
 * lines ({@link NewsroomMarkers}) into fields;
 * <li>{@link NextPageFinder} names the next page of a multi-page article, and {@link PageJoiner} joins the pages.
 * </ol>
 *
 * The parser does no I/O: fetching the next pages is {@link ArticlePageReader}'s job.
 */
public class HtmlArticleParser {

    /** One page of an article, as read; {@link #join(List)} makes the draft. */
    public record Page(
            URI address,
            String canonicalUrl,
            String title,
            String summary,
            Byline byline,
            Instant publishedAt,
            boolean publishedDayOnly,
            Instant modifiedAt,
            LeadImage image,
            List<String> tags,
            List<String> trailerTopics,
            String bodyHtml,
            List<ArticleDraft.RelatedArticle> related,
            URI next,
            List<String> notes) {

        /** The lead image's address, or null. */
        public String imageUrl() {
            return LeadImage.urlOf(image);
        }
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

    /** {@code address} is where the page was read from, or null for a pasted page. */
    public Page parsePage(Document doc, URI address) {
        PageMetadata meta = PageMetadata.read(doc);
        PageAddress where = PageAddress.of(meta, address);
        PageFacts facts = PageFacts.read(doc, meta, where.base());

        List<String> notes = new ArrayList<>();
        BodyBuilder builder = new BodyBuilder(where.base());
        for (BodyLocator.Source source : BodyLocator.locate(doc, meta.ld())) {
            builder.read(source);
            if (source instanceof BodyLocator.PlainBody plain && plain.note() != null) {
                notes.add(plain.note());
            }
            if (!builder.isEmpty()) {
                break;
            }
        }
        BodyBuilder.Built body = builder.build();
        List<String> trailerTopics = body.trailerTopics().isEmpty()
                ? BodyLocator.trailerOutside(doc).map(List::of).orElse(List.of()) : body.trailerTopics();
        if (body.unresolvedLinks() > 0) {
            notes.add(body.unresolvedLinks() + " \"Baca juga\" link(s) are relative and the page's address is unknown:"
                    + " give the address (?url=) to keep them");
        }

        String summary = facts.summary() != null ? facts.summary()
                : body.firstParagraph() == null ? null : ArticleTextParser.leadSentences(body.firstParagraph());
        // The page's stated date, else the newsroom's "(19/12/2022)" in its text, which is only a day.
        Instant inText = facts.published() == null ? ArticleTextParser.findDate(body.text()) : null;
        NewsDate published = facts.published() != null ? facts.published() : inText == null ? null : new NewsDate(inText, true);
        return new Page(address, where.canonical(), facts.title(), summary, byline(facts, body.byline()),
                published == null ? null : published.instant(), published != null && published.dayOnly(), facts.modified(), facts.image(), facts.tags(), trailerTopics, body.html(), body.related(),
                NextPageFinder.find(doc, meta, where), List.copyOf(notes));
    }

    /** The page's own statements first; what the body's marked lines say fills the rest. */
    private static Byline byline(PageFacts facts, Byline body) {
        String author = facts.author() != null ? facts.author() : body.author() != null ? body.author() : body.reporter();
        String editor = facts.editor() != null ? facts.editor() : body.editor();
        String publisher = body.publisher() != null ? body.publisher() : facts.publisher();
        return new Byline(author, editor, body.reporter(), publisher, body.city(), body.credit());
    }

    /** The article the pages of a multi-page article make, in order; see {@link PageJoiner}. */
    public ArticleDraft join(List<Page> pages) {
        return PageJoiner.join(pages);
    }
}
