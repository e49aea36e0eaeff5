package dev.warta.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a document that ingest goes on to store, chosen before any database work: each upstream id once
 * (the first counts), none older than the source's maximum age, and no more than it keeps (the newest).
 *
 * @param items    what goes on to be matched and stored
 * @param tooOld   items left out for their age
 * @param tooMany  items left out because the source keeps fewer
 */
record ItemSelection(List<PreparedItem> items, int tooOld, int tooMany) {

    private static final Comparator<PreparedItem> NEWEST_FIRST =
            Comparator.comparing((PreparedItem p) -> p.draft().publishedAt()).reversed();

    static ItemSelection of(UpstreamBatch batch) {
        Map<String, PreparedItem> byGuid = new LinkedHashMap<>();
        for (ItemDraft item : batch.items()) {
            PreparedItem p = PreparedItem.of(item);
            byGuid.putIfAbsent(p.guidHash(), p);
        }
        Instant oldest = batch.now().minus(batch.retention().maxAge());
        List<PreparedItem> items = new ArrayList<>();
        List<PreparedItem> old = new ArrayList<>();
        byGuid.values().forEach(p -> (p.draft().publishedAt().isBefore(oldest) ? old : items).add(p));
        int tooOld = old.size();
        int max = batch.retention().maxEntries();
        if (items.size() <= max) {
            return new ItemSelection(items, tooOld, 0);
        }
        // A feed longer than the source keeps: only its newest items are stored.
        items.sort(NEWEST_FIRST);
        return new ItemSelection(List.copyOf(items.subList(0, max)), tooOld, items.size() - max);
    }
}
