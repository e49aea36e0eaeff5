package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** The scheduler's tick on a clock the test moves: nothing is fetched before it is due, everything due is. */
@QuarkusTest
class PollerTickTest {

    @Inject
    TestDatabase db;

    @Inject
    Poller poller;

    @Inject
    EntityManager em;

    FakeSite upstream;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
        QuarkusMock.installMockForType(new PollClock() {
            @Override
            public Instant now() {
                return now.get();
            }
        }, PollClock.class);
    }

    @AfterEach
    void stop() {
        release.countDown();
        upstream.close();
    }

    final CountDownLatch release = new CountDownLatch(1);

    @Test
    void fetchesAtMostTwoAtATimeFromOneHost() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String path = "/slow/" + i + ".xml";
            urls.add(upstream.url(path));
            upstream.route(path, ex -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    release.await(20, TimeUnit.SECONDS);
                    FakeSite.send(ex, 200, "application/rss+xml", fixture("rss20.xml"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into source (url, state, next_poll_at, created_at) select u, 'active', ?2, ?2 from unnest(cast(?1 as text[])) as u")
                .setParameter(1, urls.toArray(String[]::new))
                .setParameter(2, now.get())
                .executeUpdate());

        assertThat(poller.tick()).isEqualTo(6);
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight.get() == 2);
        assertThat(poller.inFlight()).as("four wait for the host, without a request").isEqualTo(6);
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> poller.inFlight() == 0);
        assertThat(upstream.allHits().values()).hasSize(6).allMatch(n -> n == 1);
        assertThat(maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void aTickFetchesWhatIsDueAndTheNextPollFollowsTheSchedule() {
        upstream.serve("/a.xml", "application/rss+xml", fixture("rss20.xml"), "\"a\"");
        upstream.serve("/b.xml", "application/rss+xml", fixture("atom10.xml"));
        Instant start = now.get();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into source (url, state, next_poll_at, created_at) values
                  (?1, 'active', ?3, ?3), (?2, 'active', ?4, ?3)""")
                .setParameter(1, upstream.url("/a.xml"))
                .setParameter(2, upstream.url("/b.xml"))
                .setParameter(3, start)
                .setParameter(4, start.plus(Duration.ofHours(2)))
                .executeUpdate());

        assertThat(poller.tick()).as("only /a.xml is due").isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> upstream.hits("/a.xml") == 1 && poller.inFlight() == 0);
        assertThat(upstream.hits("/b.xml")).isZero();
        assertThat(poller.tick()).as("nothing due until time moves").isZero();

        now.set(start.plus(Duration.ofHours(3)));
        assertThat(poller.tick()).as("/b.xml is due; /a.xml, quiet for years, waits the 24 h ceiling").isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> upstream.hits("/b.xml") == 1 && poller.inFlight() == 0);
        assertThat(upstream.hits("/a.xml")).isEqualTo(1);

        now.set(start.plus(Duration.ofHours(25)));
        assertThat(poller.tick()).as("both due a day later").isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> upstream.hits("/b.xml") == 2 && upstream.hits("/a.xml") == 2
                && poller.inFlight() == 0);
        assertThat(upstream.requests("/a.xml").get(1).header("If-None-Match")).isEqualTo("\"a\"");
        Instant next = QuarkusTransaction.requiringNew().call(() -> (Instant) em.createNativeQuery(
                "select next_poll_at from source where url = ?1", Instant.class).setParameter(1, upstream.url("/a.xml"))
                .getSingleResult());
        assertThat(next).as("a 304 keeps the interval learnt from the entries: the ceiling").isEqualTo(now.get().plus(Duration.ofHours(24)));
    }
}
