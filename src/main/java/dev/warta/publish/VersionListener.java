package dev.warta.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * One connection that LISTENs for the version triggers of every Warta process ({@code feed_version}, V20;
 * {@code entry_version}, V56) and hands each notification, in commit order, to {@link FeedVersions} or
 * {@link EntryVersions}. While it is down both are told not to trust what they know; on reconnect every feed version
 * is read again and entry versions are forgotten (they are read again when a page asks).
 */
@ApplicationScoped
public class VersionListener {

    static final String FEED_CHANNEL = "warta_feed_version";
    static final String ENTRY_CHANNEL = "warta_entry_version";

    private final AgroalDataSource dataSource;
    private final FeedVersions feeds;
    private final EntryVersions entries;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    VersionListener(AgroalDataSource dataSource, FeedVersions feeds, EntryVersions entries) {
        this.dataSource = dataSource;
        this.feeds = feeds;
        this.entries = entries;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "warta-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        down();
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

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                listening = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + FEED_CHANNEL);
                    s.execute("LISTEN " + ENTRY_CHANNEL);
                }
                // Anything that changed while no one listened is read now; from here notifications carry it.
                entries.forgetAll();
                feeds.reload(c);
                feeds.live(true);
                entries.live(true);
                backoffMillis = 100;
                receive(c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                down();
                if (running) {
                    Log.warnf("Listening for changes failed (%s); feeds and pages read versions per request until it is back",
                            e.getMessage());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                    backoffMillis = Math.min(backoffMillis * 2, 5000);
                }
            } finally {
                down();
                listening = null;
            }
        }
    }

    private void receive(PGConnection pg) throws SQLException {
        while (running) {
            PGNotification[] notifications = pg.getNotifications(1000);
            if (notifications == null) {
                continue;
            }
            for (PGNotification n : notifications) {
                if (ENTRY_CHANNEL.equals(n.getName())) {
                    entries.notified(n.getParameter());
                } else {
                    feeds.notified(n.getParameter());
                }
            }
        }
    }

    private void down() {
        feeds.live(false);
        entries.live(false);
    }
}
