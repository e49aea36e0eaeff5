package dev.warta.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * took over is the desk's; the item's topics are added and its new digest remembered either way. A body read from
 * the item's page (full text) stays while the item's link is that page's; a new link wants its page read anew.
 */
@ApplicationScoped
class ChangedItemWriter {

    private final EntryWriter writer;
    private final EntryTopicRepository entryTopics;
    private final SourceItemRepository sourceItems;
    private final FullTextIngest fullText;

    ChangedItemWriter(EntryWriter writer, EntryTopicRepository entryTopics, SourceItemRepository sourceItems,
            FullTextIngest fullText) {
        this.writer = writer;
        this.entryTopics = entryTopics;
        this.sourceItems = sourceItems;
        this.fullText = fullText;
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
        Map<String, FullTextPageRepository.Wanted> pages = fullText.findWanted(batch.sourceId(),
                changed.stream().map(c -> c.item().guidHash()).toList());
        Map<String, String> relinked = new HashMap<>();
        Set<Long> withPages = new HashSet<>();
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
                FullTextPageRepository.Wanted page = pages.get(c.item().guidHash());
                boolean samePage = page != null && Objects.equals(page.pageUrl(), c.item().url());
                if (page != null) {
                    withPages.add(stored.id());
                    if (!samePage && c.item().url() != null) {
                        relinked.put(c.item().guidHash(), c.item().url());
                    }
                }
                updates.add(EntryUpdate.of(stored, c.item().over(stored, batch, now, samePage && page.fetched())));
            }
        }
        // Before the entries, in the full-text worker's lock order (its page row, then the entry).
        fullText.relink(batch.sourceId(), relinked);
        Set<Long> written = writer.update(updates);
        if (!written.containsAll(withPages)) {
            // The worker stored a page's body after this batch read the entry: read it again rather than write over it.
            throw new IngestTransaction.LostRace("a full-text body was stored while the item was being updated");
        }
        int updated = written.size();
        entryTopics.add(pairs);
        sourceItems.rehash(batch.sourceId(), hashes);
        return updated;
    }

    private static boolean ownedBy(EntryRow stored, UpstreamBatch batch) {
        return stored.kind() == EntryKind.ITEM && Long.valueOf(batch.sourceId()).equals(stored.sourceId());
    }
}
