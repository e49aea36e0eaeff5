package dev.warta.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.warta.FeedKey;
import dev.warta.topic.FeedVersionRepository;
import dev.warta.topic.FeedsChanged;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * This process's copy of {@code feed_version}: the content version of every feed, which the render cache keys feeds,
 * the home page, topic pages and the OPML list by. Kept current without polling: a trigger on {@code feed_version}
 * notifies at commit and {@link VersionListener} hands the notifications here, so a change made through any Warta
 * process reaches every other one within milliseconds. Changes made through this process are also read back right
 * after their commit ({@link FeedsChanged}), so a client sees its own write at once.
 *
 * <p>While the LISTEN connection is down nothing here is trusted ({@link #live()} is false) and callers read the
 * version from the database for each request; on reconnect every version is read again.
 */
@ApplicationScoped
public class FeedVersions {

    /** How long a writer waits, after its commit, for this process to have heard that commit's notifications. */
    static final long HEARD_WAIT_MILLIS = 1000;

    private final AgroalDataSource dataSource;
    private final FeedVersionRepository rows;
    private final Map<FeedKey, ContentVersion> versions = new ConcurrentHashMap<>();
    /** Slug → feed key of known topics; slugs never change, topics go only with the whole database. */
    private final Map<String, FeedKey> topicKeys = new ConcurrentHashMap<>();
    /** The sum of every topic feed's version: it moves whenever one of them does, or a topic appears. */
    private final AtomicLong topicsVersion = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    /** The highest version of the feed of every entry that a notification brought (guarded by itself). */
    private final long[] heardAll = new long[1];
    private volatile boolean live;

    FeedVersions(AgroalDataSource dataSource, FeedVersionRepository rows) {
        this.dataSource = dataSource;
        this.rows = rows;
    }

    /** True while notifications arrive: then {@link #known} and {@link #topicsVersion()} are current. */
    public boolean live() {
        return live;
    }

    /** The version this process knows, or null (unknown feed, or not {@link #live()}). */
    public ContentVersion known(FeedKey feedKey) {
        return live ? versions.get(feedKey) : null;
    }

    /** Reads the feed's version from the database (blocking), and remembers it. */
    public ContentVersion load(FeedKey feedKey) {
        Map<FeedKey, ContentVersion> found = select(List.of(feedKey));
        found.forEach(this::merge);
        return found.get(feedKey);
    }

    /** The sum of every topic feed's version (what the home page and the OPML list follow); null when not live. */
    public Long topicsVersion() {
        return live ? topicsVersion.get() : null;
    }

    /** The same read from the database (blocking), with the latest change of any topic's feed. */
    public ContentVersion loadTopicsVersion() {
        try (Connection c = dataSource.getConnection()) {
            long sum = 0;
            Instant latest = Instant.EPOCH;
            for (FeedVersionRepository.Row row : rows.findAll(c)) {
                if (row.key() instanceof FeedKey.Topic) {
                    sum += row.version();
                    latest = row.changedAt().isAfter(latest) ? row.changedAt() : latest;
                }
            }
            return new ContentVersion(sum, latest);
        } catch (SQLException e) {
            throw new IllegalStateException("reading feed versions failed", e);
        }
    }

    /** When any topic's feed last changed, as far as this process knows. */
    public Instant topicsChangedAt() {
        Instant latest = Instant.EPOCH;
        for (Map.Entry<FeedKey, ContentVersion> e : versions.entrySet()) {
            if (e.getKey() instanceof FeedKey.Topic && e.getValue().changedAt().isAfter(latest)) {
                latest = e.getValue().changedAt();
            }
        }
        return latest;
    }

    /** Changes; bumped whenever the database was emptied, so nothing rendered before counts. */
    public long generation() {
        return generation.get();
    }

    public FeedKey topicKey(String slug) {
        return topicKeys.get(slug);
    }

    public void rememberTopic(String slug, long topicId) {
        topicKeys.put(slug, FeedKey.topic(topicId));
    }

    /**
     * Right after a commit of this process: takes the versions it bumped (the event carries them; read back when it
     * does not), so this process serves its own write at once, and waits (briefly) until the commit's notifications were heard, so that the entry pages it moved are
     * known too (their versions come only by notification; the feed bump is the writer's last statement).
     */
    void onFeedsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedsChanged event) {
        List<FeedKey> keys = new ArrayList<>();
        keys.add(FeedKey.all());
        event.topicIds().forEach(id -> keys.add(FeedKey.topic(id)));
        try {
            Map<FeedKey, ContentVersion> found = event.versions().isEmpty()
                    ? QuarkusTransaction.requiringNew().call(() -> select(keys))
                    : committed(event.versions());
            found.forEach(this::merge);
            ContentVersion all = found.get(FeedKey.all());
            if (all != null) {
                awaitHeard(all.version());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not read feed versions %s after a change; waiting for the notification", keys);
            keys.forEach(versions::remove);
        }
    }

    private void awaitHeard(long allVersion) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARD_WAIT_MILLIS);
        synchronized (heardAll) {
            long left;
            while (live && heardAll[0] < allVersion && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(heardAll, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Forget everything (the database was emptied or restored) and read every version again. */
    public void reset() {
        generation.incrementAndGet();
        topicKeys.clear();
        versions.clear();
        topicsVersion.set(0);
        synchronized (heardAll) {
            heardAll[0] = 0;
        }
        try (Connection c = dataSource.getConnection()) {
            reload(c);
        } catch (SQLException e) {
            Log.warn("Could not read feed versions after a reset", e);
        }
    }

    /** Reads every version (on (re)connecting: what changed while no one listened). */
    void reload(Connection c) throws SQLException {
        rows.findAll(c).forEach(row -> merge(row.key(), new ContentVersion(row.version(), row.changedAt())));
    }

    void live(boolean live) {
        this.live = live;
        synchronized (heardAll) {
            heardAll.notifyAll();
        }
    }

    /** A notification of {@code warta_feed_version}: {@code "<feed_key> <version> <changed_at epoch s>"} or {@code "*reset"}. */
    void notified(String payload) {
        if (payload.equals("*reset")) {
            Log.info("feed_version was emptied: dropping rendered documents");
            reset();
            return;
        }
        String[] parts = payload.split(" ");
        if (parts.length != 3) {
            Log.warnf("Ignoring notification \"%s\" of feed versions", payload);
            return;
        }
        double epoch = Double.parseDouble(parts[2]);
        long seconds = (long) Math.floor(epoch);
        Instant changedAt = Instant.ofEpochSecond(seconds, Math.round((epoch - seconds) * 1_000_000) * 1000);
        long version = Long.parseLong(parts[1]);
        FeedKey.parse(parts[0]).ifPresent(key -> {
            merge(key, new ContentVersion(version, changedAt));
            if (key instanceof FeedKey.All) {
                synchronized (heardAll) {
                    heardAll[0] = Math.max(heardAll[0], version);
                    heardAll.notifyAll();
                }
            }
        });
    }

    private static Map<FeedKey, ContentVersion> committed(List<FeedVersionRepository.Row> rows) {
        Map<FeedKey, ContentVersion> found = new HashMap<>();
        rows.forEach(row -> found.put(row.key(), new ContentVersion(row.version(), row.changedAt())));
        return found;
    }

    private Map<FeedKey, ContentVersion> select(Collection<FeedKey> keys) {
        try (Connection c = dataSource.getConnection()) {
            return committed(rows.findByKeys(c, keys));
        } catch (SQLException e) {
            throw new IllegalStateException("reading feed versions failed", e);
        }
    }

    /** Keeps the newer of two versions; the sum of topic versions follows every topic's move. */
    private void merge(FeedKey key, ContentVersion version) {
        ContentVersion[] before = new ContentVersion[1];
        ContentVersion after = versions.compute(key, (k, old) -> {
            before[0] = old;
            return old == null || version.version() >= old.version() ? version : old;
        });
        if (key instanceof FeedKey.Topic && after == version) {
            topicsVersion.addAndGet(version.version() - (before[0] == null ? 0 : before[0].version()));
        }
    }
}
