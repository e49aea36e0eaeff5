package dev.warta.publish;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.warta.entry.EntryVersionRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

/**
 * This process's knowledge of {@code entry_version}, the version of each entry page, which the render cache keys entry
 * pages by. Unlike feeds there is one per entry, so versions are read when a page is first asked for (one row, never
 * the entry) and then kept current by the triggers' notifications ({@link VersionListener}); at most
 * {@link #KEPT} are kept, the least recently used forgotten (read again when needed). While notifications do not
 * arrive nothing here is trusted ({@link #known} answers null) and callers read the version per request.
 */
@ApplicationScoped
public class EntryVersions {

    static final int KEPT = 100_000;
    private static final int STRIPES = 1024;

    private final AgroalDataSource dataSource;
    private final EntryVersionRepository rows;
    private final Cache<Long, Long> versions = Caffeine.newBuilder().maximumSize(KEPT).build();
    /** Moves per stripe of ids at each notification: a version read meanwhile may be older than it, so it is not kept. */
    private final AtomicLongArray notified = new AtomicLongArray(STRIPES);
    private final AtomicLong forgotten = new AtomicLong();
    private volatile boolean live;

    EntryVersions(AgroalDataSource dataSource, EntryVersionRepository rows) {
        this.dataSource = dataSource;
        this.rows = rows;
    }

    /** The entry page's version this process knows, without blocking; null when it must be read. */
    public Long known(long entryId) {
        return live ? versions.getIfPresent(entryId) : null;
    }

    /** Reads the entry page's version (blocking), and keeps it unless a notification about it came meanwhile. */
    public ContentVersion load(long entryId) {
        long stripe = notified.get(stripe(entryId));
        long epoch = forgotten.get();
        boolean wasLive = live;
        ContentVersion version;
        try (Connection c = dataSource.getConnection()) {
            version = rows.find(c, entryId).map(r -> new ContentVersion(r.version(), r.changedAt()))
                    .orElse(new ContentVersion(0, Instant.EPOCH));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the version of entry " + entryId + " failed", e);
        }
        if (wasLive && live && notified.get(stripe(entryId)) == stripe && forgotten.get() == epoch) {
            versions.asMap().merge(entryId, version.version(), Math::max);
        }
        return version;
    }

    /** A notification of {@code warta_entry_version}: {@code "<id>:<version> ..."}, or {@code "*"} for too many to list. */
    void notified(String payload) {
        if (payload.equals("*")) {
            forgetAll();
            return;
        }
        for (String item : payload.split(" ")) {
            int colon = item.indexOf(':');
            try {
                long id = Long.parseLong(item.substring(0, colon));
                long version = Long.parseLong(item.substring(colon + 1));
                notified.incrementAndGet(stripe(id));
                versions.asMap().computeIfPresent(id, (k, known) -> Math.max(known, version));
            } catch (RuntimeException e) {
                Log.warnf("Ignoring \"%s\" in a notification of entry versions", item);
            }
        }
    }

    /** Nothing known is trusted any more (notifications may have been missed). */
    void forgetAll() {
        forgotten.incrementAndGet();
        versions.invalidateAll();
    }

    void live(boolean live) {
        this.live = live;
    }

    private static int stripe(long id) {
        return (int) Math.floorMod(id, (long) STRIPES);
    }
}
