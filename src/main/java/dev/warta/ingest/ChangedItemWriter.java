package dev.warta.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.entry.EntryKind;
import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryTopic;
import dev.warta.entry.EntryTopicRepository;
import dev.warta.entry.EntryUpdate;
import dev.warta.topic.TopicClassifier;

/**
 * Items whose content changed upstream: the entry changes ({@code updated} moves, {@code published} stays) when
 * this source owns it, since an entry another source brought first is that source's to change and one the desk
 * took over is the desk's; the item's topics are added and its new digest remembered either way.
 */
@ApplicationScoped
class ChangedItemWriter {

    private final EntryWriter writer;
    private final EntryTopicRepository entryTopics;
    private final SourceItemRepository sourceItems;

    ChangedItemWriter(EntryWriter writer, EntryTopicRepository entryTopics, SourceItemRepository sourceItems) {
        this.writer = writer;
        this.entryTopics = entryTopics;
        this.sourceItems = sourceItems;
    }

    /** @return the entries that changed */
    int store(UpstreamBatch batch, List<EntryMatcher.ChangedItem> changed, TopicClassifier classifier, Instant now,
            Set<Long> touched) {
        if (changed.isEmpty()) {
            return 0;
        }
        List<EntryUpdate> updates = new ArrayList<>();
        List<EntryTopic> pairs = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        for (EntryMatcher.ChangedItem c : changed) {
            hashes.put(c.item().guidHash(), c.item().contentHash());
            EntryRow stored = c.stored();
            if (stored == null) {
                continue; // removed since the item was read; its row is a tombstone now
            }
            for (Long topic : c.item().topics(batch, classifier)) {
                pairs.add(new EntryTopic(stored.id(), topic));
                touched.add(topic);
            }
            if (ownedBy(stored, batch) && !c.item().contentHash().equals(stored.contentHash())) {
                updates.add(EntryUpdate.of(stored, c.item().over(stored, batch, now)));
            }
        }
        int updated = writer.update(updates).size();
        entryTopics.add(pairs);
        sourceItems.rehash(batch.sourceId(), hashes);
        return updated;
    }

    private static boolean ownedBy(EntryRow stored, UpstreamBatch batch) {
        return stored.kind() == EntryKind.ITEM && Long.valueOf(batch.sourceId()).equals(stored.sourceId());
    }
}
