package dev.warta.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.warta.LeadImage;
import dev.warta.entry.Byline;
import dev.warta.ingest.EntryDraft;

/**
 * A news article as a parser read it, before it is stored.
 *
 * @param byline      who wrote, edited and credits it; {@link Byline#NONE} when the source names nobody
 * @param publishedAt the date the article states, or null when it states none
 * @param bodyHtml    paragraphs and subheadings as HTML, without bylines, related links, credit or trailer
 * @param topics      topic labels, in the order found
 * @param url         the article's canonical address, when known
 * @param image       the lead image ({@code og:image}, JSON-LD {@code image}), absolute, with its type, size, caption
 *                    and credit when the source states them; null when it names none
 * @param modifiedAt  when the page says the article was last changed, or null
 * @param tags        the page's tags (keywords), in the page's order
 * @param publishedDayOnly the source states only the day of {@code publishedAt} ("(19/12/2022)"): midnight in Jakarta
 */
public record ArticleDraft(
        String title,
        String summary,
        Byline byline,
        Instant publishedAt,
        String bodyHtml,
        List<RelatedArticle> related,
        List<String> topics,
        String url,
        LeadImage image,
        Instant modifiedAt,
        List<String> tags,
        boolean publishedDayOnly) {

    public ArticleDraft {
        byline = byline == null ? Byline.NONE : byline;
        related = related == null ? List.of() : List.copyOf(related);
        topics = topics == null ? List.of() : List.copyOf(topics);
        tags = tags == null ? List.of() : List.copyOf(tags);
        publishedDayOnly = publishedDayOnly && publishedAt != null;
    }

    /**
     * A draft from a source that has no canonical URL, image, modification date or tags (the newsroom text), whose
     * date, when it states one, is only a day.
     */
    public ArticleDraft(String title, String summary, Byline byline, Instant publishedAt, String bodyHtml,
            List<RelatedArticle> related, List<String> topics) {
        this(title, summary, byline, publishedAt, bodyHtml, related, topics, null, null, null, List.of(), true);
    }

    /** The lead image's address, or null. */
    public String imageUrl() {
        return LeadImage.urlOf(image);
    }

    /** A "Baca juga" article: its title, and its address when the source has one. */
    public record RelatedArticle(String title, String url) {
    }

    public ArticleDraft withPublishedAt(Instant instant, boolean dayOnly) {
        return new ArticleDraft(title, summary, byline, instant, bodyHtml, related, topics, url, image, modifiedAt, tags,
                dayOnly);
    }

    public ArticleDraft withTopics(List<String> moreTopics) {
        List<String> all = new ArrayList<>(topics);
        for (String t : moreTopics) {
            if (all.stream().noneMatch(existing -> existing.equalsIgnoreCase(t.strip()))) {
                all.add(t.strip());
            }
        }
        return new ArticleDraft(title, summary, byline, publishedAt, bodyHtml, related, all, url, image, modifiedAt, tags,
                publishedDayOnly);
    }

    /** The same draft at this address, unless it already names its own. */
    public ArticleDraft withUrlIfAbsent(String address) {
        if (url != null || address == null) {
            return this;
        }
        return new ArticleDraft(title, summary, byline, publishedAt, bodyHtml, related, topics, address, image, modifiedAt,
                tags, publishedDayOnly);
    }

    EntryDraft toEntryDraft() {
        return new EntryDraft(title, summary, bodyHtml, byline, url, publishedAt, topics,
                related.stream().map(r -> new EntryDraft.RelatedDraft(r.title(), r.url())).toList(), image, modifiedAt,
                publishedDayOnly);
    }
}
