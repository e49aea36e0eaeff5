package dev.warta.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import dev.warta.Digests;
import dev.warta.entry.Byline;
import dev.warta.entry.EntryKind;
import dev.warta.entry.EntryRow;
import dev.warta.entry.Provenance;
import dev.warta.topic.TopicClassifier;

/**
 * An upstream item ready to store: its key in {@code source_item} (the SHA-256 of its upstream id), its canonical
 * address, its title and the digest that tells an upstream edit; content not yet sanitized.
 */
record PreparedItem(ItemDraft draft, String guidHash, String url, String title, String contentHash) {

    static PreparedItem of(ItemDraft item) {
        String title = title(item);
        return new PreparedItem(item, Digests.sha256Hex(item.guid()), LinkCanonicalizer.canonical(item.link()), title,
                contentHash(item, title));
    }

    /** The item as a new entry of the batch's source. */
    EntryRow newEntry(UpstreamBatch batch, Instant now) {
        return new EntryRow(null, UUID.randomUUID(), EntryKind.ITEM, title, TitleKey.of(title), draft.summary(),
                sanitizedContent(batch), Byline.author(draft.author()), url, draft.image(), draft.publishedAt(), draft.updatedAt(), now,
                contentHash, new Provenance(batch.sourceId(), batch.sourceTitle(), batch.feedUrl(), batch.siteUrl()), false);
    }

    /** The item's new content over its stored entry; {@code published} stays, {@code updated} moves. */
    EntryRow over(EntryRow stored, UpstreamBatch batch, Instant now) {
        return over(stored, batch, now, false);
    }

    /** The same; {@code keepContent}: the stored content stays (a body read from the item's page). */
    EntryRow over(EntryRow stored, UpstreamBatch batch, Instant now, boolean keepContent) {
        // The upstream's own time of change when it states a newer one, else the time Warta saw it.
        Instant changed = draft.updatedAt().isAfter(draft.publishedAt()) ? draft.updatedAt() : now;
        Instant updated = changed.isAfter(stored.updatedAt()) ? changed : stored.updatedAt();
        Provenance source = new Provenance(stored.sourceId(), batch.sourceTitle(), stored.source().feedUrl(),
                stored.source().siteUrl());
        return new EntryRow(stored.id(), stored.uid(), stored.kind(), title, TitleKey.of(title), draft.summary(),
                keepContent ? stored.contentHtml() : sanitizedContent(batch), Byline.author(draft.author()), stored.url(),
                draft.image() != null ? draft.image() : stored.image(), stored.publishedAt(),
                updated, stored.createdAt(), contentHash, source, stored.publishedDayOnly());
    }

    /** The source's own topics, and those the topic rules give the item (its categories count). */
    Set<Long> topics(UpstreamBatch batch, TopicClassifier classifier) {
        Set<Long> topics = new LinkedHashSet<>(batch.topicIds());
        topics.addAll(classifier.classify(title, draft.summary(), draft.categories()));
        return topics;
    }

    /** Relative links in upstream HTML resolve against the item's own address, else the feed's. */
    private String sanitizedContent(UpstreamBatch batch) {
        return HtmlSanitizer.clean(draft.contentHtml(), draft.link() != null ? draft.link() : batch.feedUrl());
    }

    private static String title(ItemDraft item) {
        String title = item.title() == null ? "" : item.title().strip();
        if (title.isEmpty()) {
            title = item.link() != null ? item.link() : "(tanpa judul)";
        }
        return title.length() > 1000 ? title.substring(0, 999) + "…" : title;
    }

    /** Everything an upstream edit can change; dates are left out (an undated item is dated at each fetch). */
    private static String contentHash(ItemDraft item, String title) {
        StringBuilder s = new StringBuilder();
        for (String field : Arrays.asList(title, item.link(), item.summary(), item.contentHtml(), item.author())) {
            s.append(field == null ? "" : field).append('\u001f');
        }
        item.categories().forEach(c -> s.append(c).append('\u001e'));
        if (item.image() != null) {
            // Only when there is one, so that items stored before images were read keep their digest.
            s.append("image\u001f").append(item.image());
        }
        return Digests.sha256Hex(s.toString());
    }
}
