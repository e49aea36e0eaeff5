package dev.warta.ingest;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.warta.LeadImage;
import dev.warta.entry.EntryKind;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryRow;

/**
 * A desk article ready to match and store: title key, canonical address, sanitized body, the ids of its topics
 * (found or created, and those the topic rules give it), the digest that tells an edit, and the related lines that
 * name another article. Its methods are the desk's rules for the row it makes of what it matched.
 */
record DeskArticle(EntryDraft draft, String title, String titleKey, String url, String contentHtml, String imageUrl,
        Set<Long> topicIds, String contentHash, List<EntryDraft.RelatedDraft> related) {

    /** The stated publication time, else the time of ingest. */
    Instant publishedOr(Instant now) {
        return draft.publishedAt() != null ? draft.publishedAt() : now;
    }

    /** A new entry; {@code updated} is the stated time of change when it is later than publication. */
    EntryRow newEntry(Instant now) {
        Instant published = publishedOr(now);
        Instant modified = draft.modifiedAt();
        Instant updated = modified != null && modified.isAfter(published) ? modified.truncatedTo(ChronoUnit.MICROS) : published;
        return row(null, UUID.randomUUID(), published, updated, now, null);
    }

    /**
     * The article over its stored entry: {@code updated} moves, {@code published} stays unless a date-only time
     * gives way to a time of day. An aggregated item the desk publishes becomes the desk's article, which polling
     * and retention (they touch only items) leave alone: it loses its provenance and takes the desk's date.
     */
    EntryRow over(EntryRow stored, Instant now) {
        Instant published = stored.kind() == EntryKind.ITEM ? publishedOr(stored.publishedAt())
                : preciser(stored.publishedAt(), draft.publishedAt());
        return row(stored.id(), stored.uid(), published, now, stored.createdAt(), stored);
    }

    /** The article's columns; what the draft does not give (address, image) stays as {@code stored} has it. */
    EntryRow row(Long id, UUID uid, Instant published, Instant updated, Instant created, EntryRow stored) {
        String storedUrl = stored == null ? null : stored.url();
        LeadImage storedImage = stored == null ? null : stored.image();
        return new EntryRow(id, uid, EntryKind.ARTICLE, title, titleKey, blankToNull(draft.summary()), contentHtml,
                draft.byline(), url != null ? url : storedUrl, imageUrl != null ? LeadImage.of(imageUrl) : storedImage, published, updated,
                created, contentHash, null);
    }

    /** A stored date-only publication time (midnight in Jakarta) gives way to a time of day on that day. */
    private static Instant preciser(Instant stored, Instant stated) {
        if (stated == null || stored.equals(stated)) {
            return stored;
        }
        ZoneId zone = EntryRepository.DESK_ZONE;
        boolean storedDateOnly = stored.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT);
        boolean sameDay = stored.atZone(zone).toLocalDate().equals(stated.atZone(zone).toLocalDate());
        return storedDateOnly && sameDay ? stated : stored;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
