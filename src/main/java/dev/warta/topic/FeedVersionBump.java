package dev.warta.topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Moves the version of the feeds a change touched — always the all-entries feed, and each named topic's —
 * in the caller's transaction, so caches and HTTP validators (keyed by {@code feed_version}) follow the
 * commit. Every writer (desk ingest, upstream ingest, topic edits, deletions) bumps through here.
 */
public final class FeedVersionBump {

    private static final String SQL = """
            insert into feed_version (feed_key, version, changed_at)
            select k, 1, ? from unnest(?::text[]) as k
            on conflict (feed_key) do update set version = feed_version.version + 1, changed_at = excluded.changed_at""";

    private FeedVersionBump() {
    }

    public static void bump(Connection conn, Collection<Long> topicIds, Instant now) throws SQLException {
        List<String> keys = new ArrayList<>();
        keys.add("all");
        topicIds.forEach(id -> keys.add(Topic.feedKey(id)));
        // One lock order for every writer and process: concurrent bumps queue instead of deadlocking.
        keys.sort(null);
        try (PreparedStatement st = conn.prepareStatement(SQL)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, conn.createArrayOf("text", keys.toArray()));
            st.executeUpdate();
        }
    }
}
