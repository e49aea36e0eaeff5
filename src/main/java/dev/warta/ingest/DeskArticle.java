package dev.warta.ingest;

import java.time.Instant;
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
record DeskArticle(EntryDraft draft, String title, String titleKey, String url, String contentHtml, LeadImage image,
        Set<Long> topicIds, String contentHash, List<EntryDraft.RelatedDraft> related) {

    /** A publication time, and whether it is only a day (midnight in Jakarta). */
    record Dated(Instant at, boolean dayOnly) {
    }

    /** The stated publication date as stated (perhaps only a day), else {@code fallback}. */
    Dated datedOr(Dated fallback) {
        return draft.publishedAt() != null ? new Dated(draft.publishedAt(), draft.publishedDayOnly()) : fallback;
    }

    /** A new entry; {@code updated} is the stated time of change when it is later than publication. */
    EntryRow newEntry(Instant now) {
        Dated published = datedOr(new Dated(now, false));
        Instant modified = draft.modifiedAt();
        Instant updated = modified != null && modified.isAfter(published.at()) ? modified.truncatedTo(ChronoUnit.MICROS)
                : published.at();
        return row(null, UUID.randomUUID(), published, updated, now, null);
    }

    /**
     * The article over its stored entry: {@code updated} moves, {@code published} stays unless a day-only date gives
     * way to a time of day on that day. An aggregated item the desk publishes becomes the desk's article, which polling
     * and retention (they touch only items) leave alone: it loses its provenance and takes the desk's date.
     */
    EntryRow over(EntryRow stored, Instant now) {
        Dated published = stored.kind() == EntryKind.ITEM ? datedOr(storedDate(stored)) : preciser(stored);
        return row(stored.id(), stored.uid(), published, now, stored.createdAt(), stored);
    }

    /** Whether this draft, though its digest is the stored one's, dates the stored article more precisely. */
    boolean sharpens(EntryRow stored) {
        return stored.kind() != EntryKind.ITEM && !preciser(stored).equals(storedDate(stored));
    }

    /** The article's columns; what the draft does not give (address, image) stays as {@code stored} has it. */
    EntryRow row(Long id, UUID uid, Dated published, Instant updated, Instant created, EntryRow stored) {
        String storedUrl = stored == null ? null : stored.url();
        LeadImage storedImage = stored == null ? null : stored.image();
        return new EntryRow(id, uid, EntryKind.ARTICLE, title, titleKey, blankToNull(draft.summary()), contentHtml,
                draft.byline(), url != null ? url : storedUrl, image != null ? image : storedImage, published.at(), updated,
                created, contentHash, null, published.dayOnly());
    }

    /** A stored day-only date gives way to a stated time of day on that day, which is no longer only a day. */
    private Dated preciser(EntryRow stored) {
        Instant stated = draft.publishedAt();
        if (stated == null || !stored.publishedDayOnly() || draft.publishedDayOnly()) {
            return storedDate(stored);
        }
        ZoneId zone = EntryRepository.DESK_ZONE;
        boolean sameDay = stored.publishedAt().atZone(zone).toLocalDate().equals(stated.atZone(zone).toLocalDate());
        return sameDay ? new Dated(stated, false) : storedDate(stored);
    }

    private static Dated storedDate(EntryRow stored) {
        return new Dated(stored.publishedAt(), stored.publishedDayOnly());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
