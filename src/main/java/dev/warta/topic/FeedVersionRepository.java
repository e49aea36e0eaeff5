package dev.warta.topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.FeedKey;

/**
 * The {@code feed_version} table: a counter per published feed that every writer moves in the transaction that
 * changes what the feed shows, and that caches and validators are keyed by. Statements take the caller's
 * connection: writers bump on their transaction's, readers read on their own (the LISTEN connection among them).
 */
@ApplicationScoped
public class FeedVersionRepository {

    /** A feed's version as stored. */
    public record Row(FeedKey key, long version, Instant changedAt) {
    }

    /**
     * Moves the versions of these feeds (creating rows that are missing), all in one statement and in the one lock
     * order every writer and process uses, so concurrent bumps queue instead of deadlocking. Returns the versions
     * the feeds have now: the rows stay locked until the caller's commit, so they are the versions it commits.
     */
    public List<Row> bump(Connection c, Collection<FeedKey> keys, Instant now) throws SQLException {
        List<String> sorted = new TreeSet<>(keys).stream().map(FeedKey::stored).toList();
        try (PreparedStatement st = c.prepareStatement("""
                insert into feed_version (feed_key, version, changed_at)
                select k, 1, ? from unnest(?::text[]) with ordinality as x(k, n) order by n
                on conflict (feed_key) do update set version = feed_version.version + 1, changed_at = excluded.changed_at
                returning feed_key, version, changed_at""")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, c.createArrayOf("text", sorted.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                return rows(rs);
            }
        }
    }

    /** Registers a feed at version 1 unless it has a row. */
    public void insert(Connection c, FeedKey key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into feed_version (feed_key) values (?) on conflict do nothing")) {
            st.setString(1, key.stored());
            st.executeUpdate();
        }
    }

    public List<Row> findByKeys(Connection c, Collection<FeedKey> keys) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select feed_key, version, changed_at from feed_version where feed_key = any (?)")) {
            st.setArray(1, c.createArrayOf("text", keys.stream().map(FeedKey::stored).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                return rows(rs);
            }
        }
    }

    public List<Row> findAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select feed_key, version, changed_at from feed_version")) {
            return rows(rs);
        }
    }

    private static List<Row> rows(ResultSet rs) throws SQLException {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            Optional<FeedKey> key = FeedKey.parse(rs.getString(1));
            if (key.isPresent()) {
                rows.add(new Row(key.get(), rs.getLong(2), rs.getTimestamp(3).toInstant()));
            }
        }
        return rows;
    }
}
