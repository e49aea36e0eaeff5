package dev.warta.entry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The {@code related_link} table: the "Baca juga" lines of articles and the entries they name. */
@ApplicationScoped
public class RelatedLinkRepository {

    private final EntityManager em;

    RelatedLinkRepository(EntityManager em) {
        this.em = em;
    }

    /** Removes an entry's own lines (before it gets its new ones). */
    public int deleteOf(long entryId) {
        return update("delete from related_link where entry_id = ?", entryId, null);
    }

    public void insert(List<RelatedLinkRow> links) {
        if (links.isEmpty()) {
            return;
        }
        Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into related_link (entry_id, position, title, url, target_entry_id)
                    select * from unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::bigint[])""")) {
                st.setArray(1, Jdbc.longs(c, links, RelatedLinkRow::entryId));
                st.setArray(2, c.createArrayOf("integer", links.stream().map(RelatedLinkRow::position).toArray(Integer[]::new)));
                st.setArray(3, Jdbc.texts(c, links, RelatedLinkRow::title));
                st.setArray(4, Jdbc.texts(c, links, RelatedLinkRow::url));
                st.setArray(5, Jdbc.longs(c, links, RelatedLinkRow::targetId));
                return st.executeUpdate();
            }
        });
    }

    /** Points every line that names entry {@code from} at entry {@code to} instead. */
    public int retarget(long from, long to) {
        return update("update related_link set target_entry_id = ? where target_entry_id = ?", to, from);
    }

    /** Lines that name this entry keep their title and address, and name no entry any more. */
    public int untarget(long id) {
        return update("update related_link set target_entry_id = null where target_entry_id = ?", id, null);
    }

    /** The entries this entry's lines name, other than itself. */
    public List<Long> findTargets(long entryId) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select distinct target_entry_id from related_link
                    where entry_id = ? and target_entry_id is not null and target_entry_id <> entry_id""")) {
                st.setLong(1, entryId);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    private int update(String sql, long first, Long second) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, first);
                if (second != null) {
                    st.setLong(2, second);
                }
                return st.executeUpdate();
            }
        });
    }
}
