package dev.warta.entry;

import java.time.Instant;
import java.util.UUID;

import dev.warta.LeadImage;

/**
 * An entry's own columns, as the write path reads and writes them; its topics and related links live in
 * their own tables. {@code id} is null until the id allocator gave it one.
 *
 * @param image  the lead image, null when there is none
 * @param source null for desk articles and stubs
 * @param publishedDayOnly {@code publishedAt} is only a day (midnight in Asia/Jakarta): the source stated no time
 */
public record EntryRow(Long id, UUID uid, EntryKind kind, String title, String titleKey, String summary, String contentHtml,
        Byline byline, String url, LeadImage image, Instant publishedAt, Instant updatedAt, Instant createdAt,
        String contentHash, Provenance source, boolean publishedDayOnly) {

    public EntryRow {
        byline = byline == null ? Byline.NONE : byline;
    }

    /**
     * What an update checks that the row still is, as it was read: kind, owning source and digest. A row that
     * another transaction changed in between is left alone, and the writer learns it from the count.
     */
    public record Version(EntryKind kind, Long sourceId, String contentHash) {
    }

    public Version version() {
        return new Version(kind, sourceId(), contentHash);
    }

    public Long sourceId() {
        return source == null ? null : source.sourceId();
    }

    public String imageUrl() {
        return LeadImage.urlOf(image);
    }

    public boolean isStub() {
        return kind == EntryKind.STUB;
    }

    public EntryRow withId(long newId) {
        return new EntryRow(newId, uid, kind, title, titleKey, summary, contentHtml, byline, url, image, publishedAt,
                updatedAt, createdAt, contentHash, source, publishedDayOnly);
    }

    public EntryRow withUrl(String newUrl) {
        return new EntryRow(id, uid, kind, title, titleKey, summary, contentHtml, byline, newUrl, image, publishedAt,
                updatedAt, createdAt, contentHash, source, publishedDayOnly);
    }

    /** The row dated anew (a stub that learns its day); {@code updated} never moves back. */
    public EntryRow withPublished(Instant published, boolean dayOnly) {
        return new EntryRow(id, uid, kind, title, titleKey, summary, contentHtml, byline, url, image, published,
                published.isAfter(updatedAt) ? published : updatedAt, createdAt, contentHash, source, dayOnly);
    }
}
