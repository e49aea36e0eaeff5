package dev.warta.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.warta.FeedKey;
import dev.warta.topic.FeedVersionRepository;
import dev.warta.topic.FeedsChanged;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This process's copy of {@code feed_version}: the content version of every feed, which the rendered-feed
 * cache is keyed by. Kept current without polling: a trigger on {@code feed_version} notifies channel
 * {@code warta_feed_version} at commit and a thread here LISTENs, so a change made through any Warta
 * process reaches every other one within milliseconds. Changes made through this process are also read
 * back right after their commit ({@link FeedsChanged}), so a client sees its own write at once.
 *
 * <p>While the LISTEN connection is down nothing here is trusted ({@link #live()} is false) and callers
 * read the version from the database for each request; on reconnect every version is read again.
 */
@ApplicationScoped
public class FeedVersions {

    static final String CHANNEL = "warta_feed_version";

    /** A feed's content version and when it last changed. */
    public record Version(long version, Instant changedAt) {
    }

    private final AgroalDataSource dataSource;
    private final FeedVersionRepository rows;
    private final Map<FeedKey, Version> versions = new ConcurrentHashMap<>();
    /** Slug → feed key of known topics; slugs never change, topics go only with the whole database. */
    private final Map<String, FeedKey> topicKeys = new ConcurrentHashMap<>();
    private final AtomicLong topicsStamp = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean live;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    FeedVersions(AgroalDataSource dataSource, FeedVersionRepository rows) {
        this.dataSource = dataSource;
        this.rows = rows;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "warta-feed-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        live = false;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is all we wanted
            }
        }
        if (listener != null) {
            LockSupport.unpark(listener);
        }
    }

    /** True while notifications arrive: then {@link #known(String)} is current. */
    public boolean live() {
        return live;
    }

    /** The version this process knows, or null (unknown feed, or not {@link #live()}). */
    public Version known(FeedKey feedKey) {
        return live ? versions.get(feedKey) : null;
    }

    /** Reads the feed's version from the database (blocking), and remembers it. */
    public Version load(FeedKey feedKey) {
        Map<FeedKey, Version> found = select(List.of(feedKey));
        found.forEach(this::merge);
        return found.get(feedKey);
    }

    /** Changes; bumped whenever the database was emptied, so nothing rendered before counts. */
    public long generation() {
        return generation.get();
    }

    /** Changes whenever a topic appears: the feed list (OPML) depends on it. */
    public long topicsStamp() {
        return topicsStamp.get();
    }

    public FeedKey topicKey(String slug) {
        return topicKeys.get(slug);
    }

    public void rememberTopic(String slug, long topicId) {
        topicKeys.put(slug, FeedKey.topic(topicId));
    }

    /** Read back, right after commit, the versions ingest bumped: this process serves its own writes at once. */
    void onFeedsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedsChanged event) {
        List<FeedKey> keys = new ArrayList<>();
        keys.add(FeedKey.all());
        event.topicIds().forEach(id -> keys.add(FeedKey.topic(id)));
        try {
            QuarkusTransaction.requiringNew().call(() -> select(keys)).forEach(this::merge);
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not read feed versions %s after a change; waiting for the notification", keys);
            keys.forEach(versions::remove);
        }
    }

    /** Forget everything (the database was emptied or restored) and read every version again. */
    public void reset() {
        generation.incrementAndGet();
        topicKeys.clear();
        versions.clear();
        topicsStamp.incrementAndGet();
        try (Connection c = dataSource.getConnection()) {
            loadAll(c);
        } catch (SQLException e) {
            Log.warn("Could not read feed versions after a reset", e);
        }
    }

    private Map<FeedKey, Version> select(Collection<FeedKey> keys) {
        Map<FeedKey, Version> found = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            rows.findByKeys(c, keys).forEach(row -> found.put(row.key(), new Version(row.version(), row.changedAt())));
        } catch (SQLException e) {
            throw new IllegalStateException("reading feed versions failed", e);
        }
        return found;
    }

    private void merge(FeedKey key, Version version) {
        Version before = versions.merge(key, version, (old, now) -> now.version() >= old.version() ? now : old);
        if (before == version && key instanceof FeedKey.Topic) {
            topicsStamp.incrementAndGet();
        }
    }

    private void loadAll(Connection c) throws SQLException {
        rows.findAll(c).forEach(row -> merge(row.key(), new Version(row.version(), row.changedAt())));
    }

    void notified(String payload) {
        if (payload.equals("*reset")) {
            Log.info("feed_version was emptied: dropping rendered feeds");
            reset();
            return;
        }
        String[] parts = payload.split(" ");
        if (parts.length != 3) {
            Log.warnf("Ignoring notification \"%s\" on %s", payload, CHANNEL);
            return;
        }
        double epoch = Double.parseDouble(parts[2]);
        long seconds = (long) Math.floor(epoch);
        Instant changedAt = Instant.ofEpochSecond(seconds, Math.round((epoch - seconds) * 1_000_000) * 1000);
        FeedKey.parse(parts[0]).ifPresent(key -> merge(key, new Version(Long.parseLong(parts[1]), changedAt)));
    }

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                listening = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                // Anything that changed while no one listened is read now; from here notifications carry it.
                loadAll(c);
                live = true;
                backoffMillis = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            notified(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                live = false;
                if (running) {
                    Log.warnf("Listening for feed changes failed (%s); feeds are read per request until it is back", e.getMessage());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                    backoffMillis = Math.min(backoffMillis * 2, 5000);
                }
            } finally {
                live = false;
                listening = null;
            }
        }
    }
}
