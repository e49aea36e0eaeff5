package dev.warta.ingest;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import dev.warta.entry.Jdbc;
import dev.warta.topic.FeedVersionBump;

/**
 * Records that entries changed: the versions of the all-entries feed and of the touched topics' feeds move in the
 * writer's transaction (so caches and validators follow its commit), and {@link EntriesChanged} reaches its
 * observers once it has committed (they observe {@code AFTER_SUCCESS}; a rolled-back attempt tells nobody).
 */
@ApplicationScoped
public class ChangeRecorder {

    private final EntityManager em;
    private final Event<EntriesChanged> changed;

    ChangeRecorder(EntityManager em, Event<EntriesChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    public void record(Set<Long> topicIds, Instant now) {
        Jdbc.call(em, c -> {
            FeedVersionBump.bump(c, topicIds, now);
            return null;
        });
        changed.fire(new EntriesChanged(Set.copyOf(topicIds)));
    }
}
