package dev.warta.ingest;

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
 * Forgetting a source's old tombstones, which every fetch does, reads that source's tombstones through their own
 * index, not the index of {@code entry_id} (whose "is null" part holds a dead entry for every item ever claimed:
 * items are claimed with no entry, then linked). The plan is the generic one a pooled connection keeps for the
 * prepared statement of {@link SourceItemRepository#deleteTombstones}.
 */
@QuarkusTest
class TombstonePlanTest {

    @Inject
    DataSource dataSource;
    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
    }

    @Test
    void aSourcesTombstonesAreFoundThroughTheirOwnIndex() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("insert into source (id, url) select 800000 + g, 'https://sumber.example/' || g || '.xml'"
                        + " from generate_series(1, 200) g");
                s.execute("insert into entry (id, uid, kind, title, title_key, published_at, updated_at, source_id)"
                        + " select 8000000 + g, gen_random_uuid(), 'item', 'Butir ' || g, 'butir ' || g, now(), now(),"
                        + " 800000 + g % 200 + 1 from generate_series(1, 10000) g");
                // Items as the poller leaves them: claimed without an entry, then linked; a few tombstones.
                s.execute("insert into source_item (source_id, guid_hash, content_hash, created_at)"
                        + " select 800000 + g % 200 + 1, md5(g::text), md5(g::text), now() from generate_series(1, 10000) g");
                s.execute("update source_item si set entry_id = 8000000 + g from generate_series(1, 10000) g"
                        + " where md5(g::text) = si.guid_hash");
                s.execute("update source_item set entry_id = null, tombstoned_at = now() - interval '40 days'"
                        + " where entry_id % 97 = 0");
                s.execute("analyze source_item");
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("prepare forget(bigint, timestamptz) as delete from source_item"
                        + " where source_id = $1 and entry_id is null and tombstoned_at < $2");
                StringBuilder plan = new StringBuilder();
                try (var rs = s.executeQuery("explain execute forget(800001, now() - interval '30 days')")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).contains("source_item_tombstone_idx").doesNotContain("source_item_entry_idx");
            } finally {
                c.rollback();
                // A prepared statement outlives the transaction; the pooled connection may serve this test again.
                s.execute("deallocate all");
            }
        }
    }
}
