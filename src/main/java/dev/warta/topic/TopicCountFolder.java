package dev.warta.topic;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds topic count deltas every few seconds in every process (two folders at once are safe, see V58). Counts are
 * right without it (reads add the deltas); it only keeps the deltas few.
 */
@ApplicationScoped
public class TopicCountFolder {

    private final TopicCountRepository counts;

    TopicCountFolder(TopicCountRepository counts) {
        this.counts = counts;
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fold() {
        try {
            long folded = QuarkusTransaction.requiringNew().call(counts::fold);
            if (folded > 0) {
                Log.debugf("Folded %d topic count deltas", folded);
            }
        } catch (RuntimeException e) {
            // A topic deleted meanwhile, or the database going away at shutdown: the deltas wait for the next fold.
            Log.debugf("Folding topic counts failed: %s", e.getMessage());
        }
    }
}
