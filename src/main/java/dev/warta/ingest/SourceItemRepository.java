package dev.warta.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.entry.Jdbc;

/**
 * The {@code source_item} table: every item a source has carried, by the SHA-256 of its upstream id, and the
 * entry that stands for it (none: a tombstone, removed by retention and not to be stored again).
 */
@ApplicationScoped
public class SourceItemRepository {

    /** An item the source carried before, as it was then. */
    public record KnownItem(String guidHash, Long entryId, String contentHash) {
        public boolean tombstone() {
            return entryId == null;
        }
    }

    private final EntityManager em;

    SourceItemRepository(EntityManager em) {
        this.em = em;
    }

    public Map<String, KnownItem> findKnown(long sourceId, Collection<PreparedItem> items) {
        Map<String, KnownItem> known = new HashMap<>();
        if (items.isEmpty()) {
            return known;
        }
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select guid_hash, entry_id, content_hash from source_item where source_id = ? and guid_hash = any(?)")) {
                st.setLong(1, sourceId);
                st.setArray(2, Jdbc.texts(c, items, PreparedItem::guidHash));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1), new KnownItem(rs.getString(1), Jdbc.longOrNull(rs, "entry_id"), rs.getString(3)));
                    }
                }
            }
            return known;
        });
    }

    /**
     * Claims the items' keys; a key another transaction claimed first is that one's to store (this one waits for
     * its commit and gets nothing back). That is what makes two processes ingesting the same items store each
     * once. Returns the keys claimed.
     */
    public Set<String> claim(long sourceId, List<PreparedItem> items, Instant now) {
        Set<String> claimed = new HashSet<>();
        if (items.isEmpty()) {
            return claimed;
        }
        // One lock order for every process.
        List<PreparedItem> sorted = items.stream().sorted(Comparator.comparing(PreparedItem::guidHash)).toList();
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into source_item (source_id, guid_hash, content_hash, created_at)
                    select ?, g, h, ? from unnest(?::text[], ?::text[]) as x(g, h)
                    on conflict do nothing returning guid_hash""")) {
                st.setLong(1, sourceId);
                st.setObject(2, now.atOffset(ZoneOffset.UTC));
                st.setArray(3, Jdbc.texts(c, sorted, PreparedItem::guidHash));
                st.setArray(4, Jdbc.texts(c, sorted, PreparedItem::contentHash));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getString(1));
                    }
                }
            }
            return claimed;
        });
    }

    /** Points each item (by key) at the entry that stands for it. */
    public void link(long sourceId, Map<String, Long> entryByKey) {
        List<Map.Entry<String, Long>> pairs = List.copyOf(entryByKey.entrySet());
        updateByKey(sourceId, pairs, """
                update source_item si set entry_id = x.e from unnest(?::text[], ?::bigint[]) as x(g, e)
                where si.source_id = ? and si.guid_hash = x.g""", (c, st) -> {
            st.setArray(1, Jdbc.texts(c, pairs, Map.Entry::getKey));
            st.setArray(2, Jdbc.longs(c, pairs, Map.Entry::getValue));
        });
    }

    /** Remembers the items' new content digests. */
    public void rehash(long sourceId, Map<String, String> hashByKey) {
        List<Map.Entry<String, String>> pairs = List.copyOf(hashByKey.entrySet());
        updateByKey(sourceId, pairs, """
                update source_item si set content_hash = x.h from unnest(?::text[], ?::text[]) as x(g, h)
                where si.source_id = ? and si.guid_hash = x.g""", (c, st) -> {
            st.setArray(1, Jdbc.texts(c, pairs, Map.Entry::getKey));
            st.setArray(2, Jdbc.texts(c, pairs, Map.Entry::getValue));
        });
    }

    /** Every item (of any source) that these entries stood for becomes a tombstone. */
    public void tombstone(Collection<Long> entryIds, Instant now) {
        Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "update source_item set entry_id = null, tombstoned_at = ? where entry_id = any(?)")) {
                st.setObject(1, now.atOffset(ZoneOffset.UTC));
                st.setArray(2, Jdbc.longs(c, entryIds, id -> id));
                return st.executeUpdate();
            }
        });
    }

    /** Forgets a source's tombstones from before {@code before}: by then the upstream has stopped listing them. */
    public void deleteTombstones(long sourceId, Instant before) {
        Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "delete from source_item where source_id = ? and entry_id is null and tombstoned_at < ?")) {
                st.setLong(1, sourceId);
                st.setObject(2, before.atOffset(ZoneOffset.UTC));
                return st.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Columns {
        void bind(Connection c, PreparedStatement st) throws SQLException;
    }

    /** An update of some of a source's items by key: the two arrays first, the source last. */
    private void updateByKey(long sourceId, List<?> pairs, String sql, Columns arrays) {
        if (pairs.isEmpty()) {
            return;
        }
        Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                arrays.bind(c, st);
                st.setLong(3, sourceId);
                return st.executeUpdate();
            }
        });
    }
}
