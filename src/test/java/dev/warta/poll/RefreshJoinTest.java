package dev.warta.poll;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.poll.FeedParserTest.fixture;
import static dev.warta.poll.OtherProcess.gauge;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code POST /api/sources/{id}/refresh} while a fetch of the source runs, here or in another process, waits
 * for that fetch and answers its outcome: the upstream sees one request, a slow one costs one deadline.
 */
@QuarkusTest
class RefreshJoinTest {

    static final String JOINED = "warta.poll.refreshes.joined";

    @Inject
    TestDatabase db;

    @Inject
    Poller poller;

    @Inject
    MeterRegistry registry;

    FakeSite upstream;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
        upstream.route("/held.xml", ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
                FakeSite.send(ex, 200, "application/rss+xml", fixture("rss20.xml"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
    }

    @AfterEach
    void stop() {
        release.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> poller.inFlight() == 0);
        upstream.close();
    }

    private static long subscribe(String url) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("url", url, "topics", List.of()))
                .post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long leasedByAnotherProcess(String url) {
        db.execute("insert into source (url, state, next_poll_at, created_at, lease_owner, lease_until) values ('" + url
                + "', 'active', now() + interval '1 hour', now(), '" + OtherProcess.OWNER + ":1', now() + interval '5 minutes')");
        return Long.parseLong(db.text("select id from source where url = '" + url + "'"));
    }

    private static void assertFirstFetch(JsonPath report) {
        assertThat(report.getString("outcome")).isEqualTo("fetched");
        assertThat(report.getInt("status")).isEqualTo(200);
        assertThat(report.getInt("newEntries")).as("the first fetch's result, not a second fetch's").isEqualTo(2);
        assertThat(report.getInt("unchanged")).isZero();
    }

    @Test
    void aRefreshDuringARunningFetchAnswersThatFetchsOutcomeWithOneRequest() {
        long id = subscribe(upstream.url("/held.xml"));
        await().atMost(Duration.ofSeconds(60)).until(() -> upstream.hits("/held.xml") == 1);

        CompletableFuture<JsonPath> refresh = CompletableFuture.supplyAsync(() -> Sources.refresh(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> gauge(registry, JOINED) == 1);
        assertThat(refresh).isNotDone();
        release.countDown();

        assertFirstFetch(refresh.join());
        assertThat(upstream.hits("/held.xml")).isEqualTo(1);
        assertThat(Sources.get(id).getInt("entries")).isEqualTo(2);
    }

    @Test
    void aRefreshRightAfterSubscribingAnswersTheFirstFetch() {
        long id = subscribe(upstream.url("/held.xml"));
        CompletableFuture<JsonPath> refresh = CompletableFuture.supplyAsync(() -> Sources.refresh(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> upstream.hits("/held.xml") == 1 && gauge(registry, JOINED) == 1);
        release.countDown();

        assertFirstFetch(refresh.join());
        assertThat(upstream.hits("/held.xml")).as("one request for the subscription and the refresh").isEqualTo(1);
    }

    @Test
    void aRefreshWhileAnotherProcessFetchesAnswersWhatThatProcessRecorded() {
        long id = leasedByAnotherProcess(upstream.url("/rss.xml"));
        CompletableFuture<JsonPath> refresh = CompletableFuture.supplyAsync(() -> Sources.refresh(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> gauge(registry, JOINED) == 1);
        assertThat(refresh).isNotDone();

        db.execute("""
                update source set lease_owner = null, lease_until = null, last_fetched_at = now(), last_success_at = now(),
                       last_status = 200, last_outcome = 'fetched', last_error = null, last_new_entries = 7,
                       last_updated_entries = 1, last_unchanged_entries = 3, next_poll_at = now() + interval '1 hour',
                       poll_count = poll_count + 1
                where id = """ + id);
        JsonPath report = refresh.join();
        assertThat(report.getString("outcome")).isEqualTo("fetched");
        assertThat(report.getInt("status")).isEqualTo(200);
        assertThat(report.getInt("newEntries")).isEqualTo(7);
        assertThat(report.getInt("updatedEntries")).isEqualTo(1);
        assertThat(report.getInt("unchanged")).isEqualTo(3);
        assertThat(report.getString("nextPollAt")).isNotNull();
        assertThat(upstream.hits("/rss.xml")).as("the other process fetched; this one sent nothing").isZero();
    }

    @Test
    void aRefreshFetchesItselfWhenTheProcessHoldingTheLeaseDiedAndItExpired() {
        long id = leasedByAnotherProcess(upstream.url("/rss.xml"));
        CompletableFuture<JsonPath> refresh = CompletableFuture.supplyAsync(() -> Sources.refresh(id));
        await().atMost(Duration.ofSeconds(60)).until(() -> gauge(registry, JOINED) == 1);
        assertThat(upstream.hits("/rss.xml")).isZero();

        db.execute("update source set lease_until = now() - interval '1 second' where id = " + id);
        assertFirstFetch(refresh.join());
        assertThat(upstream.hits("/rss.xml")).isEqualTo(1);
    }
}
