package dev.warta.poll;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.poll.FeedParserTest.fixture;
import static dev.warta.poll.OtherProcess.gauge;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code warta.poll.max-per-host} (2) bounds the fetches in flight against one host for every process on the
 * database: slots another process holds count, for the poller and for a refresh alike.
 */
@QuarkusTest
class ClusterPolitenessTest {

    @Inject
    TestDatabase db;

    @Inject
    Poller poller;

    @Inject
    MeterRegistry registry;

    OtherProcess other;
    FakeSite upstream;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    @BeforeEach
    void start() {
        db.clear();
        other = new OtherProcess(db);
        other.forgetEverything();
        upstream = new FakeSite();
    }

    @AfterEach
    void stop() {
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
        upstream.close();
        other.forgetEverything();
    }

    /** A feed that answers only when the test releases it, counting the requests in flight. */
    private String heldFeed(String path) {
        upstream.route(path, ex -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
                FakeSite.send(ex, 200, "application/rss+xml", fixture("rss20.xml"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        return upstream.url(path);
    }

    private long dueSource(String url) {
        db.execute("insert into source (url, state, next_poll_at, created_at) values ('" + url
                + "', 'active', now() - interval '1 minute', now())");
        return Long.parseLong(db.text("select id from source where url = '" + url + "'"));
    }

    @Test
    void thePollerStaysWithinTheBoundWhileAnotherProcessHoldsASlotOfTheHost() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            urls.add(heldFeed("/held/" + i + ".xml"));
        }
        urls.forEach(this::dueSource);
        other.holdSlots(0);

        assertThat(poller.tick()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight.get() == 1 && gauge(registry, "warta.poll.hosts.waiting") == 1);
        assertThat(upstream.allHits().values().stream().mapToInt(Integer::intValue).sum())
                .as("one fetch runs; the next one waits for the other process's slot").isEqualTo(1);

        other.releaseSlot(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight.get() == 2);
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
        assertThat(upstream.allHits().values()).hasSize(4).allMatch(n -> n == 1);
        assertThat(maxInFlight.get()).isEqualTo(2);
        assertThat(db.text("select count(*) from host_slot")).as("every slot given back").isEqualTo("0");
    }

    @Test
    void aRefreshWaitsForASlotWhileOtherProcessesHoldEveryOneOfTheHost() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        long id = dueSource(upstream.url("/rss.xml"));
        other.holdSlots(0, 1);

        CompletableFuture<JsonPath> refresh = CompletableFuture.supplyAsync(() -> Sources.refresh(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> gauge(registry, "warta.fetch.host.slots.waiting") == 1);
        assertThat(upstream.hits("/rss.xml")).as("nothing sent while the host has no free slot").isZero();
        assertThat(refresh).isNotDone();

        other.releaseSlot(1);
        JsonPath report = refresh.join();
        assertThat(report.getString("outcome")).isEqualTo("fetched");
        assertThat(report.getInt("newEntries")).isEqualTo(2);
        assertThat(upstream.hits("/rss.xml")).isEqualTo(1);
    }

    @Test
    void aSlotOfAProcessThatDiedIsTakenOverOnceItsLeaseEnded() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        long id = dueSource(upstream.url("/rss.xml"));
        other.leaveExpiredSlots(0, 1);

        assertThat(Sources.refresh(id).getString("outcome")).isEqualTo("fetched");
        assertThat(upstream.hits("/rss.xml")).isEqualTo(1);
        assertThat(other.slotsHeld()).as("one dead slot taken over (and given back), the other left as it was").isEqualTo(1);
        given().auth().oauth2(TOKEN).get("/api/sources/" + id).then().statusCode(200);
    }
}
