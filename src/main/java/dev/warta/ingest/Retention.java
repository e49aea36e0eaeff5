package dev.warta.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryTopicRepository;

/**
 * Removes a source's entries beyond its count and, except its newest {@code keep}, beyond its age, and leaves
 * tombstones ({@code source_item} rows without entry) so that the next fetch does not bring them back.
 */
@ApplicationScoped
class Retention {

    /** Tombstones outlive their entries by this long past the maximum age: by then the upstream stopped listing them. */
    private static final Duration TOMBSTONE_GRACE = Duration.ofDays(30);

    private final EntryRepository entries;
    private final EntryTopicRepository entryTopics;
    private final SourceItemRepository sourceItems;

    Retention(EntryRepository entries, EntryTopicRepository entryTopics, SourceItemRepository sourceItems) {
        this.entries = entries;
        this.entryTopics = entryTopics;
        this.sourceItems = sourceItems;
    }

    /** @return the entries removed */
    int apply(UpstreamBatch batch, int keep, Instant now, Set<Long> touched) {
        Instant oldest = now.minus(batch.retention().maxAge());
        List<Long> expired = entries.findExpiredItems(batch.sourceId(), batch.retention().maxEntries(), keep, oldest);
        sourceItems.deleteTombstones(batch.sourceId(), oldest.minus(TOMBSTONE_GRACE));
        if (expired.isEmpty()) {
            return 0;
        }
        touched.addAll(entryTopics.findTopicIds(expired));
        sourceItems.tombstone(expired, now);
        return entries.delete(expired);
    }
}
