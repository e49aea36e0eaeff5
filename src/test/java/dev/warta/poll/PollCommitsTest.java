package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What one poll costs the database, counted in write transactions (each takes a transaction id; a transaction
 * that only reads, or whose statements change no row, takes none). A poll cycle over thousands of sources is
 * bounded by these commits (issue 9), so a new one per fetch should be a decision, not an accident.
 */
@QuarkusTest
class PollCommitsTest {

    private static final String ETAG = "\"v1\"";

    @Inject
    TestDatabase db;

    @Inject
    Poller poller;

    FakeSite upstream;

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"), ETAG);
    }

    @AfterEach
    void stop() {
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
        upstream.close();
    }

    private long dueSource(String etag) {
        String url = upstream.url("/rss.xml");
        db.execute("insert into source (url, state, next_poll_at, created_at, etag) values ('" + url
                + "', 'active', now() - interval '1 minute', now(), " + (etag == null ? "null" : "'" + etag + "'") + ")");
        return Long.parseLong(db.text("select id from source where url = '" + url + "'"));
    }

    /** Write transactions committed while {@code poll} ran (the two reads of the counter take one each). */
    private long writesDuring(Runnable poll) {
        long before = Long.parseLong(db.text("select txid_current()"));
        poll.run();
        return Long.parseLong(db.text("select txid_current()")) - before - 1;
    }

    private void pollOnce(long id, String outcome) {
        assertThat(poller.tick()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcome.equals(db.text("select last_outcome from source where id = " + id)));
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
    }

    @Test
    void aPollAnswered304CommitsTheClaimTheSlotAndTheAnswer() {
        long id = dueSource(ETAG);
        long writes = writesDuring(() -> pollOnce(id, "not-modified"));
        assertThat(upstream.hits("/rss.xml")).isEqualTo(1);
        // The claim, the host slot taken with the lease checked, then the answer recorded with the slot given back.
        assertThat(writes).isEqualTo(3);
        assertThat(db.text("select count(*) from host_slot")).as("the slot given back").isEqualTo("0");
    }

    @Test
    void aPollWithNewEntriesCommitsTheEntriesAndItsResultTogether() {
        long id = dueSource(null);
        long writes = writesDuring(() -> pollOnce(id, "fetched"));
        assertThat(db.text("select count(*) from entry")).isEqualTo("2");
        // The claim, the host slot taken with the lease checked, the slot given back, the entries with the poll result.
        assertThat(writes).isEqualTo(4);
        assertThat(db.text("select last_new_entries from source where id = " + id)).isEqualTo("2");
    }
}
