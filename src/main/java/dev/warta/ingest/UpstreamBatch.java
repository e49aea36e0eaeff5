package dev.warta.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one successful read of an upstream feed hands to {@link UpstreamIngest}: the items, where they come
 * from (kept on each entry for the Atom {@code source} element), the source's default topics and its
 * retention.
 *
 * @param now the fetch time; entries are dated and retention is counted from it
 */
public record UpstreamBatch(long sourceId, String sourceTitle, String feedUrl, String siteUrl, Set<Long> topicIds,
        List<ItemDraft> items, Retention retention, Instant now) {

    public UpstreamBatch {
        topicIds = Set.copyOf(topicIds);
        items = List.copyOf(items);
    }

    /** Entries kept per source: at most {@code maxEntries}, none published longer than {@code maxAge} ago. */
    public record Retention(int maxEntries, Duration maxAge) {
    }
}
