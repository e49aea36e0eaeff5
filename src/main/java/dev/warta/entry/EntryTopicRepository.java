package dev.warta.entry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The {@code entry_topic} table: which topics' feeds an entry is published in. */
@ApplicationScoped
public class EntryTopicRepository {

    private final EntityManager em;

    EntryTopicRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds the pairs; topics are only ever added, and a pair already there stays as it is. Every write of this
     * table is this statement. Returns the pairs that were new.
     */
    public Set<EntryTopic> add(Collection<EntryTopic> pairs) {
        Set<EntryTopic> added = new TreeSet<>();
        if (pairs.isEmpty()) {
            return added;
        }
        // One lock order for every writer: two transactions adding the same pairs queue instead of deadlocking.
        List<EntryTopic> sorted = new TreeSet<>(pairs).stream().toList();
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into entry_topic (entry_id, topic_id) select * from unnest(?::bigint[], ?::bigint[])
                    on conflict do nothing returning entry_id, topic_id""")) {
                st.setArray(1, Jdbc.longs(c, sorted, EntryTopic::entryId));
                st.setArray(2, Jdbc.longs(c, sorted, EntryTopic::topicId));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        added.add(new EntryTopic(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return added;
        });
    }

    /**
     * Positions in feed order of the topic's entries: the newest {@code limit} ({@code from} null), or those just
     * older ({@code older}) or just newer than {@code from}; older ones come newest first, newer ones oldest first. A
     * range of {@code entry_topic_feed_order_idx}, however many entries the topic holds. Without stubs ({@code withStubs}
     * false) each position of that walk is checked against its entry's kind by primary key: the walk keeps the feed's
     * order, and stubs, a minority of any topic, cost a skipped row each.
     */
    public List<Cursor> findPositions(long topicId, Cursor from, boolean older, boolean withStubs, int limit) {
        String kind = withStubs ? "" : "and not exists (select 1 from entry e where e.id = et.entry_id and e.kind = 'stub') ";
        String keyset = from == null ? "" : older ? "and (et.published_at, et.entry_id) < (?, ?) "
                : "and (et.published_at, et.entry_id) > (?, ?) ";
        String order = from == null || older ? "order by et.published_at desc, et.entry_id desc"
                : "order by et.published_at asc, et.entry_id asc";
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("select et.published_at, et.entry_id from entry_topic et "
                    + "where et.topic_id = ? " + kind + keyset + order + " limit ?")) {
                int i = 1;
                st.setLong(i++, topicId);
                if (from != null) {
                    st.setObject(i++, from.published().atOffset(ZoneOffset.UTC));
                    st.setLong(i++, from.id());
                }
                st.setInt(i, limit);
                return Jdbc.positions(st);
            }
        });
    }

    /** The topics of any of these entries. */
    public Set<Long> findTopicIds(Collection<Long> entryIds) {
        Set<Long> topics = new TreeSet<>();
        if (entryIds.isEmpty()) {
            return topics;
        }
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("select distinct topic_id from entry_topic where entry_id = any(?)")) {
                st.setArray(1, Jdbc.longs(c, entryIds, id -> id));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        topics.add(rs.getLong(1));
                    }
                }
            }
            return topics;
        });
    }
}
