package dev.warta.topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.warta.FeedKey;

/**
 * How every writer records that what feeds show changed (desk and upstream ingest, deletions, topic edits): the
 * versions of the feed of every entry and of the touched topics' feeds move in the writer's transaction, so caches
 * and validators follow its commit, and {@link FeedsChanged} reaches its observers once it has committed (a
 * rolled-back attempt tells nobody). This process reads its own writes through that event; other processes learn of
 * them through the {@code feed_version} trigger's notification.
 *
 * <p>It lives in {@code topic}, the lowest package that knows feeds, so that {@code ingest} and topic edits share it.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final EntityManager em;
    private final FeedVersionRepository versions;
    private final Event<FeedsChanged> changed;

    ChangeRecorder(EntityManager em, FeedVersionRepository versions, Event<FeedsChanged> changed) {
        this.em = em;
        this.versions = versions;
        this.changed = changed;
    }

    /** Records the change in the caller's transaction; make it the transaction's last write. */
    public void record(Collection<Long> topicIds, Instant now) {
        List<FeedKey> keys = new ArrayList<>();
        keys.add(FeedKey.all());
        topicIds.forEach(id -> keys.add(FeedKey.topic(id)));
        List<FeedVersionRepository.Row> bumped = em.unwrap(Session.class).doReturningWork(c -> versions.bump(c, keys, now));
        changed.fire(new FeedsChanged(Set.copyOf(topicIds), bumped));
    }
}
