package dev.warta.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The statement triggers that join a batch's transition table to a growing table (entry, source) keep finding the
 * batch's rows through the table's index once the table has grown: on one connection, as a pool's connection
 * lives, a first batch meets a small table and later batches a large one. PL/pgSQL kept the first plan (a hash
 * join over a sequential scan of the whole table) for the connection's life: one scan of entry per fetch in the
 * 10,000-source poll cycle. Scans are read from {@code pg_stat_xact_user_tables}, this transaction's own counts.
 */
@QuarkusTest
class TriggerPlansTest {

    @Inject
    DataSource dataSource;
    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    @Test
    void batchesAfterTheTablesGrewReadThemThroughTheirIndexes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("insert into topic (id, slug, label) values (900001, 'uji-rencana', 'Uji Rencana')");
                s.execute("insert into source (id, url) select 900000 + g, 'https://sumber.example/' || g || '.xml'"
                        + " from generate_series(1, 300) g");
                entries(s, 1, 600);
                // The first batches on this connection: the tables are small, a scan of them is the cheap plan.
                s.execute("insert into entry_topic (entry_id, topic_id) select 9000000 + g, 900001 from generate_series(1, 20) g");
                entries(s, 601, 620);
                s.execute("update entry set published_at = published_at - interval '1 hour' where id = 9000001");
                s.execute("delete from entry where id = 9000620");

                s.execute("insert into source (id, url) select 900000 + g, 'https://sumber.example/' || g || '.xml'"
                        + " from generate_series(301, 30000) g");
                entries(s, 621, 60000);
                s.execute("insert into entry_topic (entry_id, topic_id) select 9000000 + g, 900001 from generate_series(41, 60000) g"
                        + " where g <> 620");
                // entry_topic's statistics, as autovacuum keeps them: without them a fresh plan guesses 5,712 topic rows
                // for 20 entries and scans. (Analyzing entry or source would also have replanned the old triggers.)
                s.execute("analyze entry_topic");
                long entryScans = seqScans(s, "entry");
                long sourceScans = seqScans(s, "source");
                long topicScans = seqScans(s, "entry_topic");

                // A later batch of each kind, as the next fetch on the same pooled connection writes it.
                s.execute("insert into entry_topic (entry_id, topic_id) select 9000000 + g, 900001 from generate_series(21, 40) g");
                entries(s, 60001, 60020);
                // An upstream update that moves publication times, and retention's delete.
                s.execute("update entry set published_at = published_at - interval '1 hour'"
                        + " where id between 9000021 and 9000040");
                s.execute("delete from entry where id between 9059000 and 9059019");

                assertThat(seqScans(s, "entry") - entryScans).as("sequential scans of entry by the later batches").isZero();
                assertThat(seqScans(s, "source") - sourceScans).as("sequential scans of source by the later batches").isZero();
                assertThat(seqScans(s, "entry_topic") - topicScans).as("sequential scans of entry_topic by the later batches").isZero();
                // The triggers still did their work: counts follow the inserts and deletes, topic rows the times.
                assertThat(count(s, "select entry_count from source where id = 900001")).isEqualTo(200L);
                assertThat(count(s, "select sum(entry_count) from source")).isEqualTo(60020L - 21);
                assertThat(count(s, "select count(*) from entry_topic et join entry e on e.id = et.entry_id"
                        + " where et.published_at <> e.published_at")).isZero();
            } finally {
                c.rollback();
            }
        }
    }

    /** Entries from..to (ids 9,000,000 + n, past any id the allocator hands out in a test), n's source n % 300 + 1. */
    private static void entries(Statement s, int from, int to) throws SQLException {
        s.execute("insert into entry (id, uid, kind, title, title_key, published_at, updated_at, source_id)"
                + " select 9000000 + g, gen_random_uuid(), 'item', 'Butir ' || g, 'butir ' || g, now(), now(),"
                + " 900000 + g % 300 + 1 from generate_series(" + from + ", " + to + ") g");
    }

    private static long seqScans(Statement s, String table) throws SQLException {
        return count(s, "select seq_scan from pg_stat_xact_user_tables where relname = '" + table + "'");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }
}
