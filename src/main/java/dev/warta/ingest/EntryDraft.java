package dev.warta.ingest;

import java.time.Instant;
import java.util.List;

import dev.warta.LeadImage;
import dev.warta.entry.Byline;

/**
 * Everything the desk publishes becomes one of these before {@link IngestService} stores it.
 *
 * @param byline      who wrote, edited and credits it; {@link Byline#NONE} when the article names nobody
 * @param url         the entry's canonical address; an entry with the same address is the same entry
 * @param publishedAt the publication time the source states; null when it states none (ingest time is used)
 * @param contentHtml body HTML; sanitized by ingest, whatever its origin
 * @param topics      topic labels; each is created on first sight
 * @param related     the "Baca juga" articles, in order
 * @param image       the lead image (absolute http(s)) with what the source says of it; published as an enclosure
 *                    and as Media RSS; null when there is none
 * @param modifiedAt  when the source says it last changed the entry; null when it does not say
 * @param publishedDayOnly the source states only the day of {@code publishedAt} (given as midnight in Asia/Jakarta)
 */
public record EntryDraft(
        String title,
        String summary,
        String contentHtml,
        Byline byline,
        String url,
        Instant publishedAt,
        List<String> topics,
        List<RelatedDraft> related,
        LeadImage image,
        Instant modifiedAt,
        boolean publishedDayOnly) {

    public EntryDraft {
        byline = byline == null ? Byline.NONE : byline;
        topics = topics == null ? List.of() : List.copyOf(topics);
        related = related == null ? List.of() : List.copyOf(related);
        publishedDayOnly = publishedDayOnly && publishedAt != null;
    }

    /** A draft without lead image or modification date, whose date (if any) has a time of day. */
    public EntryDraft(String title, String summary, String contentHtml, Byline byline, String url, Instant publishedAt,
            List<String> topics, List<RelatedDraft> related) {
        this(title, summary, contentHtml, byline, url, publishedAt, topics, related, null, null, false);
    }

    /** The lead image's address, or null. */
    public String imageUrl() {
        return LeadImage.urlOf(image);
    }

    /** A related article named by an entry: its title, and its address when the source gives one. */
    public record RelatedDraft(String title, String url) {
    }
}
