package dev.warta.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryTopic;
import dev.warta.entry.EntryTopicRepository;
import dev.warta.entry.EntryUpdate;
import dev.warta.topic.TopicClassifier;

/**
 * Items a source carries for the first time: their keys are claimed, then each becomes an entry (or points at the
 * entry already at its address, filling it when it is a stub), goes into its topics, and its {@code source_item}
 * row names that entry; a full-text source's items want their pages read. A fixed number of statements whatever the
 * number of items.
 */
@ApplicationScoped
class NewItemWriter {

    private static final Comparator<PreparedItem> BY_URL =
            Comparator.comparing(PreparedItem::url, Comparator.nullsLast(Comparator.naturalOrder()));

    private final SourceItemRepository sourceItems;
    private final EntryMatcher matcher;
    private final EntryWriter writer;
    private final EntryTopicRepository entryTopics;
    private final FullTextIngest fullText;

    NewItemWriter(SourceItemRepository sourceItems, EntryMatcher matcher, EntryWriter writer, EntryTopicRepository entryTopics,
            FullTextIngest fullText) {
        this.sourceItems = sourceItems;
        this.matcher = matcher;
        this.writer = writer;
        this.entryTopics = entryTopics;
        this.fullText = fullText;
    }

    /** @return the items this transaction claimed and stored (the others, a concurrent one claimed first) */
    int store(UpstreamBatch batch, List<PreparedItem> fresh, TopicClassifier classifier, Instant now, Set<Long> touched) {
        Set<String> keys = sourceItems.claim(batch.sourceId(), fresh, now);
        List<PreparedItem> claimed = fresh.stream().filter(p -> keys.contains(p.guidHash())).toList();
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, Long> entryByKey = entriesFor(batch, claimed, now);
        List<EntryTopic> pairs = new ArrayList<>();
        for (PreparedItem p : claimed) {
            for (Long topic : p.topics(batch, classifier)) {
                pairs.add(new EntryTopic(entryByKey.get(p.guidHash()), topic));
                touched.add(topic);
            }
        }
        entryTopics.add(pairs);
        sourceItems.link(batch.sourceId(), entryByKey);
        fullText.want(batch.sourceId(), claimed, now);
        return claimed.size();
    }

    /**
     * The entry each item stands for, by key: a new one, else the one already at its address (another feed carried
     * the article, a related line named it, or another item took the address first), filled when it is a stub.
     */
    private Map<String, Long> entriesFor(UpstreamBatch batch, List<PreparedItem> claimed, Instant now) {
        Map<String, EntryRow> byUrl = new HashMap<>(matcher.matchUrls(claimed));
        List<PreparedItem> toInsert = claimed.stream().filter(p -> p.url() == null || !byUrl.containsKey(p.url())).toList();
        Map<String, Long> entryByKey = insert(batch, toInsert, now);
        List<PreparedItem> lost = toInsert.stream().filter(p -> !entryByKey.containsKey(p.guidHash())).toList();
        byUrl.putAll(matcher.matchUrls(lost));
        Map<Long, EntryUpdate> fills = new LinkedHashMap<>();
        for (PreparedItem p : claimed) {
            if (entryByKey.containsKey(p.guidHash())) {
                continue;
            }
            EntryRow existing = p.url() == null ? null : byUrl.get(p.url());
            if (existing == null) {
                throw new IngestTransaction.LostRace("the entry at " + p.url() + " vanished during ingest");
            }
            entryByKey.put(p.guidHash(), existing.id());
            if (existing.isStub()) {
                // A related-article stub with the item's address becomes the item; the first item of the batch wins.
                fills.putIfAbsent(existing.id(), StubFiller.withItem(existing, p, batch, now));
            }
        }
        writer.update(List.copyOf(fills.values()));
        return entryByKey;
    }

    /** New entries for the items, by key; an item whose address another row took meanwhile is left out. */
    private Map<String, Long> insert(UpstreamBatch batch, List<PreparedItem> items, Instant now) {
        // One lock order on entry.url for every process.
        List<PreparedItem> sorted = items.stream().sorted(BY_URL).toList();
        EntryWriter.Inserted inserted = writer.insert(sorted.stream().map(p -> p.newEntry(batch, now)).toList());
        Map<String, Long> entryByKey = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            EntryRow row = inserted.rows().get(i);
            if (inserted.written(row)) {
                entryByKey.put(sorted.get(i).guidHash(), row.id());
            }
        }
        return entryByKey;
    }
}
