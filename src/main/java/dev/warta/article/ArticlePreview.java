package dev.warta.article;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.warta.entry.Byline;
import dev.warta.ingest.HtmlSanitizer;

/**
 * An article as Warta read it, before (or instead of) storing it: the answer to {@code ?dryRun=true} and
 * what the editor page previews. {@code contentHtml} is sanitized exactly as ingest would store it. The
 * byline's parts are fields of their own in JSON ({@code author}, {@code editor}, …), as in an entry's. {@code topics}
 * are those publishing would give it (its own and the topic rules'); {@code warnings} what it lacks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticlePreview(
        boolean dryRun,
        String title,
        String summary,
        @JsonUnwrapped Byline byline,
        Instant published,
        Boolean publishedDayOnly,
        Instant modified,
        String url,
        String image,
        List<String> tags,
        List<String> topics,
        List<Related> related,
        String contentHtml,
        List<String> notes,
        List<ArticleWarning> warnings) {

    public record Related(String title, String url) {
    }

    /** The article as {@link ArticleService#preview} checked it: the topics shown are those it will be stored in. */
    public static ArticlePreview of(ArticleService.Checked article, boolean dryRun) {
        ArticleDraft d = article.draft();
        return new ArticlePreview(dryRun, d.title(), d.summary(), d.byline(), d.publishedAt(),
                d.publishedAt() == null ? null : d.publishedDayOnly(), d.modifiedAt(), d.url(), d.imageUrl(), d.tags(),
                article.topics(), d.related().stream().map(r -> new Related(r.title(), r.url())).toList(),
                HtmlSanitizer.clean(d.bodyHtml()), article.reading().notes(), article.warnings());
    }
}
