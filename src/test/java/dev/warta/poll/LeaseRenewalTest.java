package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A claim that waits in the dispatcher's queue (its host's slots all taken, maybe by other processes) keeps
 * its lease: this process renews it while the claim waits, so no other poller fetches the source meanwhile.
 * A claim whose lease another poller took anyway (this process stalled) does not fetch when its turn comes.
 */
@QuarkusTest
@TestProfile(LeaseRenewalTest.ShortLease.class)
class LeaseRenewalTest {

    /** A lease of 3 s, renewed every second. */
    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warta.poll.lease", "3s");
        }
    }

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Inject
    TestDatabase db;

    @Inject
    Poller poller;

    OtherProcess other;
    FakeSite upstream;

    @BeforeEach
    void start() {
        db.clear();
        other = new OtherProcess(db);
        other.forgetEverything();
        upstream = new FakeSite();
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
    }

    @AfterEach
    void stop() {
        other.forgetEverything();
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
        upstream.close();
    }

    private long dueSource() {
        String url = upstream.url("/rss.xml");
        db.execute("insert into source (url, state, next_poll_at, created_at) values ('" + url
                + "', 'active', now() - interval '1 minute', now())");
        return Long.parseLong(db.text("select id from source where url = '" + url + "'"));
    }

    private Instant leaseUntil(long id) {
        return Instant.parse(db.text("select to_char(lease_until at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                + "from source where id = " + id));
    }

    @Test
    void aClaimQueuedBehindTheHostBoundKeepsItsLeaseUntilItFetches() {
        long id = dueSource();
        other.holdSlots(0, 1);
        assertThat(poller.tick()).isEqualTo(1);
        Instant claimedUntil = leaseUntil(id);

        await("the lease renewed past two lease lengths after the claim").atMost(Duration.ofSeconds(60))
                .until(() -> leaseUntil(id).isAfter(claimedUntil.plus(LEASE.multipliedBy(2))));
        assertThat(db.execute("update source set lease_owner = 'thief' where id = " + id + " and lease_until < now()"))
                .as("no other poller can claim the source while this process holds it").isZero();
        assertThat(upstream.hits("/rss.xml")).as("still waiting for a slot").isZero();

        other.forgetEverything();
        await().atMost(Duration.ofSeconds(60)).until(() -> "fetched".equals(db.text("select last_outcome from source where id = " + id)));
        assertThat(upstream.hits("/rss.xml")).isEqualTo(1);
        assertThat(db.text("select count(*) from entry")).isEqualTo("2");
    }

    @Test
    void aClaimWhoseLeaseAnotherPollerTookDoesNotFetch() {
        long id = dueSource();
        other.holdSlots(0, 1);
        assertThat(poller.tick()).isEqualTo(1);
        // As after a stall of this process: its lease ran out and the other process claimed the source.
        db.execute("update source set lease_owner = '" + OtherProcess.OWNER + ":" + id + "', lease_until = now() + interval '5 minutes' "
                + "where id = " + id);

        other.releaseSlot(0);
        other.releaseSlot(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
        assertThat(upstream.hits("/rss.xml")).as("the source is the other poller's to fetch").isZero();
        assertThat(db.text("select lease_owner from source where id = " + id)).isEqualTo(OtherProcess.OWNER + ":" + id);
        assertThat(db.text("select count(*) from entry")).isEqualTo("0");
    }
}
