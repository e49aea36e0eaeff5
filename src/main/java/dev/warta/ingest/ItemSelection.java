package dev.warta.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a document that ingest goes on to store, chosen before any database work: each upstream id once
 * (the first counts), none older than the source's maximum age unless the source would otherwise keep fewer than
 * its minimum, and no more than it keeps at all (the newest).
 *
 * @param items    what goes on to be matched and stored
 * @param tooOld   items left out for their age
 * @param tooMany  items left out because the source keeps fewer (counted as unchanged, as before)
 */
record ItemSelection(List<PreparedItem> items, int tooOld, int tooMany) {

    private static final Comparator<PreparedItem> NEWEST_FIRST =
            Comparator.comparing((PreparedItem p) -> p.draft().publishedAt()).reversed();

    /**
     * @param keep how many of its newest entries a source keeps whatever their age: min(the configured minimum,
     *             its maximum)
     */
    static ItemSelection of(UpstreamBatch batch, int keep) {
        Map<String, PreparedItem> byGuid = new LinkedHashMap<>();
        for (ItemDraft item : batch.items()) {
            PreparedItem p = PreparedItem.of(item);
            byGuid.putIfAbsent(p.guidHash(), p);
        }
        Instant oldest = batch.now().minus(batch.retention().maxAge());
        List<PreparedItem> items = new ArrayList<>();
        List<PreparedItem> old = new ArrayList<>();
        byGuid.values().forEach(p -> (p.draft().publishedAt().isBefore(oldest) ? old : items).add(p));
        // Retention keeps a source's newest entries whatever their age: the old items it would keep are stored.
        old.sort(NEWEST_FIRST);
        int admitted = Math.min(old.size(), Math.max(0, keep - items.size()));
        items.addAll(old.subList(0, admitted));
        int tooOld = old.size() - admitted;
        int max = batch.retention().maxEntries();
        if (items.size() <= max) {
            return new ItemSelection(items, tooOld, 0);
        }
        // A feed longer than the source keeps: only its newest items are stored.
        items.sort(NEWEST_FIRST);
        return new ItemSelection(List.copyOf(items.subList(0, max)), tooOld, items.size() - max);
    }
}
