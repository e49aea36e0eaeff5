package dev.warta.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

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

    UpstreamIngest(IngestTransaction transaction, EntryMatcher matcher, NewItemWriter newItems, ChangedItemWriter changedItems,
            Retention retention, ChangeRecorder changes, TopicClassifiers classifiers) {
        this.transaction = transaction;
        this.matcher = matcher;
        this.newItems = newItems;
        this.changedItems = changedItems;
        this.retention = retention;
        this.changes = changes;
        this.classifiers = classifiers;
    }

    public UpstreamResult ingest(UpstreamBatch batch) {
        ItemSelection selection = ItemSelection.of(batch);
        return transaction.run(() -> "source " + batch.sourceId(), () -> store(batch, selection));
    }

    private UpstreamResult store(UpstreamBatch batch, ItemSelection selection) {
        Instant now = batch.now().truncatedTo(ChronoUnit.MICROS);
        EntryMatcher.ItemMatches matches = matcher.matchItems(batch.sourceId(), selection.items());
        TopicClassifier classifier = matches.fresh().isEmpty() && matches.changed().isEmpty() ? TopicClassifier.EMPTY
                : classifiers.current();
        Set<Long> touched = new TreeSet<>();
        int created = newItems.store(batch, matches.fresh(), classifier, now, touched);
        int updated = changedItems.store(batch, matches.changed(), classifier, now, touched);
        int removed = retention.apply(batch, now, touched);
        // Items too old to keep count as unchanged.
        int unchanged = selection.tooOld() + selection.tooMany() + matches.unchanged() + matches.fresh().size() - created;
        if (created > 0 || updated > 0 || removed > 0) {
            changes.record(touched, now);
            Log.infof("Source %d: %d new, %d updated, %d unchanged, %d removed by retention", batch.sourceId(), created,
                    updated, unchanged, removed);
        }
        return new UpstreamResult(created, updated, unchanged, removed);
    }
}
