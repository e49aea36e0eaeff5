package dev.warta.article;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;

import dev.warta.entry.Byline;
import dev.warta.ingest.HtmlSanitizer;

/**
 * Something an article lacks that a reader would miss: it is still published (an undated article is dated when it is
 * published), but the submitter hears of it, as {@code Warta-Ingest-Note} headers and a {@code warnings} list in the
 * API's answer, and on the editor's preview. {@code code} is stable; {@code detail} is for people reading the API.
 */
public record ArticleWarning(String code, String detail) {

    public static final ArticleWarning NO_BODY = new ArticleWarning("no-body",
            "the article has no body: only its headline (and lede) will be published");
    public static final ArticleWarning NO_DATE = new ArticleWarning("no-date",
            "the article states no publication date: it is dated with the time it is published");
    public static final ArticleWarning NO_BYLINE = new ArticleWarning("no-byline",
            "the article names no author, reporter or editor");
    public static final ArticleWarning NO_TOPIC = new ArticleWarning("no-topic",
            "the article is in no topic, so only the all-entries feed carries it: add a trailer "
                    + "(\"Artikel lain terkait ...\"), a ?topic=, or a topic rule that matches it");

    /** What the draft lacks, given the topics it will be in. */
    static List<ArticleWarning> of(ArticleDraft draft, List<String> topics) {
        List<ArticleWarning> warnings = new ArrayList<>();
        if (!hasText(draft.bodyHtml())) {
            warnings.add(NO_BODY);
        }
        if (draft.publishedAt() == null) {
            warnings.add(NO_DATE);
        }
        Byline by = draft.byline();
        if (by.author() == null && by.reporter() == null && by.editor() == null) {
            warnings.add(NO_BYLINE);
        }
        if (topics.isEmpty()) {
            warnings.add(NO_TOPIC);
        }
        return List.copyOf(warnings);
    }

    /** A body counts when, sanitized as it will be stored, it still has words or an image. */
    private static boolean hasText(String bodyHtml) {
        String clean = HtmlSanitizer.clean(bodyHtml);
        if (clean == null || clean.isBlank()) {
            return false;
        }
        var body = Jsoup.parseBodyFragment(clean).body();
        return !body.text().isBlank() || !body.select("img").isEmpty();
    }
}
