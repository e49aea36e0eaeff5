package dev.warta.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import dev.warta.topic.ChangeRecorder;
import dev.warta.topic.TopicClassifier;
import dev.warta.topic.TopicClassifiers;
import io.quarkus.logging.Log;

/**
 * Upstream items into entries, through the one write path, one transaction per batch and a fixed number of
 * statements whatever the number of items: {@link ItemSelection} picks the items (once per upstream id, by age and
 * count), the {@link EntryMatcher} sorts them by what the source carried before, {@link NewItemWriter} and
 * {@link ChangedItemWriter} store them (through {@link EntryWriter} and the {@link StubFiller}), {@link Retention}
 * removes what the source no longer keeps, and the {@link ChangeRecorder} moves the feeds; all in one
 * {@link IngestTransaction}. Two processes ingesting the same items store each once (see
 * {@link SourceItemRepository#claim}).
 */
@ApplicationScoped
public class UpstreamIngest {

    private final IngestTransaction transaction;
    private final EntryMatcher matcher;
    private final NewItemWriter newItems;
    private final ChangedItemWriter changedItems;
    private final Retention retention;
    private final ChangeRecorder changes;
    private final TopicClassifiers classifiers;
    private final int minEntries;

    UpstreamIngest(IngestTransaction transaction, EntryMatcher matcher, NewItemWriter newItems, ChangedItemWriter changedItems,
            Retention retention, ChangeRecorder changes, TopicClassifiers classifiers, WartaConfig config) {
        this.transaction = transaction;
        this.matcher = matcher;
        this.newItems = newItems;
        this.changedItems = changedItems;
        this.retention = retention;
        this.changes = changes;
        this.classifiers = classifiers;
        this.minEntries = config.poll().retentionMinEntries();
    }

    public UpstreamResult ingest(UpstreamBatch batch) {
        return ingest(batch, stored -> {
        });
    }

    /**
     * The same, and {@code thenInTransaction} with what was stored, in the same transaction (run again with it when
     * the transaction runs again): the poller records the fetch on its source there, one commit for both.
     */
    public UpstreamResult ingest(UpstreamBatch batch, Consumer<UpstreamResult> thenInTransaction) {
        // However old, a source's newest entries stay, up to the configured minimum (and never more than it keeps).
        int keep = Math.min(minEntries, batch.retention().maxEntries());
        ItemSelection selection = ItemSelection.of(batch, keep);
        return transaction.run(() -> "source " + batch.sourceId(), () -> {
            UpstreamResult stored = store(batch, selection, keep);
            thenInTransaction.accept(stored);
            return stored;
        });
    }

    private UpstreamResult store(UpstreamBatch batch, ItemSelection selection, int keep) {
        Instant now = batch.now().truncatedTo(ChronoUnit.MICROS);
        EntryMatcher.ItemMatches matches = matcher.matchItems(batch.sourceId(), selection.items());
        TopicClassifier classifier = matches.fresh().isEmpty() && matches.changed().isEmpty() ? TopicClassifier.EMPTY
                : classifiers.current();
        Set<Long> touched = new TreeSet<>();
        int created = newItems.store(batch, matches.fresh(), classifier, now, touched);
        int updated = changedItems.store(batch, matches.changed(), classifier, now, touched);
        int removed = retention.apply(batch, keep, now, touched);
        int unchanged = selection.tooMany() + matches.unchanged() + matches.fresh().size() - created;
        if (created > 0 || updated > 0 || removed > 0) {
            changes.record(touched, now);
            Log.infof("Source %d: %d new, %d updated, %d unchanged, %d too old, %d removed by retention", batch.sourceId(),
                    created, updated, unchanged, selection.tooOld(), removed);
        }
        return new UpstreamResult(created, updated, unchanged, removed, selection.tooOld());
    }
}
