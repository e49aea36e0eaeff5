package dev.warta.topic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The {@code topic_count} table and its {@code topic_count_delta}s (V55, V58): writers append deltas through triggers,
 * which lock nothing; this folds the committed ones into the count, so that reads of {@code topic_entry_count} add
 * up a few rows per topic however many entries were written.
 */
@ApplicationScoped
public class TopicCountRepository {

    private final EntityManager em;

    TopicCountRepository(EntityManager em) {
        this.em = em;
    }

    /** Moves every committed delta into {@code topic_count}; returns how many deltas were folded. */
    public long fold() {
        return ((Number) em.createNativeQuery("select warta_topic_count_fold()").getSingleResult()).longValue();
    }
}
