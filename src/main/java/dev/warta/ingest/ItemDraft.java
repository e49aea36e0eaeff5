package dev.warta.ingest;

import java.time.Instant;
import java.util.List;

import dev.warta.LeadImage;

/**
 * One entry of an upstream feed, as read; {@link UpstreamIngest} stores it.
 *
 * @param guid        the upstream's id for the item; when the feed gives none, its link, else a key hashed
 *                    from title, stated date and content (never null)
 * @param link        absolute address of the item, or null
 * @param contentHtml upstream HTML, not yet sanitized; relative links resolve against {@code link}
 * @param publishedAt publication time: the stated one, the fetch time when none is stated, never in the future
 * @param updatedAt   last change as stated (or {@code publishedAt}), never in the future
 * @param categories  upstream category names, as given
 * @param image       the item's lead image (absolute http(s)), or null
 */
public record ItemDraft(
        String guid,
        String title,
        String link,
        String summary,
        String contentHtml,
        String author,
        Instant publishedAt,
        Instant updatedAt,
        List<String> categories,
        LeadImage image) {

    public ItemDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An item without lead image. */
    public ItemDraft(String guid, String title, String link, String summary, String contentHtml, String author,
            Instant publishedAt, Instant updatedAt, List<String> categories) {
        this(guid, title, link, summary, contentHtml, author, publishedAt, updatedAt, categories, null);
    }
}
