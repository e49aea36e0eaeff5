package dev.warta.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.entry.Jdbc;

/**
 * The one allocator of entry ids, and the only code that reads {@code entry_id_seq} (Hibernate never inserts an
 * {@code Entry}). A value v read from the sequence, which steps by 50 (V2), stands for the ids v … v+49; what a
 * caller does not use stays here for the next one, so ids stay dense and rise in the order they are handed out.
 *
 * <p>Why v … v+49 cannot meet an id handed out before: databases hold ids of two earlier rules, Hibernate's
 * pooled-lo (v … v+49, the desk's) and the old upstream writer's (v−49 … v). Under either, every id taken from a
 * value v′ is at most v′+49. {@code nextval} never repeats a value and steps by 50, so any value read later is at
 * least v′+50: its block lies above every id of every block read before, whichever rule used it. The old upstream
 * rule could not be kept: its block v−49 … v overlaps the pooled-lo block of v−50. (Processes of the old version
 * must not write beside this one: they still read the sequence their own way.)
 */
@ApplicationScoped
public class EntryIds {

    static final int BLOCK = 50;

    private final EntityManager em;
    /** Ids {@code next} … {@code end − 1} were read by this process and are not handed out yet. */
    private long next;
    private long end;

    EntryIds(EntityManager em) {
        this.em = em;
    }

    /** {@code count} unused ids, ascending; reads the sequence once (one statement) when the ones held run out. */
    public synchronized List<Long> take(int count) {
        List<Long> ids = new ArrayList<>(count);
        while (ids.size() < count && next < end) {
            ids.add(next++);
        }
        int missing = count - ids.size();
        if (missing > 0) {
            for (long low : readBlocks((missing + BLOCK - 1) / BLOCK)) {
                next = low;
                end = low + BLOCK;
                while (ids.size() < count && next < end) {
                    ids.add(next++);
                }
            }
        }
        return ids;
    }

    private List<Long> readBlocks(int blocks) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("select nextval('entry_id_seq') from generate_series(1, ?)")) {
                st.setInt(1, blocks);
                List<Long> lows = new ArrayList<>(blocks);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        lows.add(rs.getLong(1));
                    }
                }
                lows.sort(null);
                return lows;
            }
        });
    }
}
