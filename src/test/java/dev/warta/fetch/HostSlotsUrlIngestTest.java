package dev.warta.fetch;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.poll.OtherProcess.gauge;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeNewsSite;
import dev.warta.TestDatabase;
import dev.warta.poll.OtherProcess;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Fetching an article page for URL ingest takes its turn among the fetches of its host, across processes. */
@QuarkusTest
class HostSlotsUrlIngestTest {

    @Inject
    TestDatabase db;

    @Inject
    MeterRegistry registry;

    OtherProcess other;
    FakeNewsSite site;

    @BeforeEach
    void start() {
        db.clear();
        other = new OtherProcess(db);
        other.forgetEverything();
        site = new FakeNewsSite();
    }

    @AfterEach
    void stop() {
        site.close();
        other.forgetEverything();
    }

    private int ingest(String url) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/articles").then().extract().statusCode();
    }

    @Test
    void aUrlIngestWaitsWhileOtherProcessesHoldEverySlotOfTheHost() {
        other.holdSlots(0, 1);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ingest(site.url(FakeNewsSite.BANJIR)));
        await().atMost(Duration.ofSeconds(60)).until(() -> gauge(registry, "warta.fetch.host.slots.waiting") == 1);
        assertThat(site.hits(FakeNewsSite.BANJIR)).as("the page is not asked for while the host is busy").isZero();

        other.releaseSlot(0);
        assertThat(status.join()).isEqualTo(201);
        assertThat(site.hits(FakeNewsSite.BANJIR)).isEqualTo(1);
        assertThat(db.text("select count(*) from host_slot where owner <> '" + OtherProcess.OWNER + "'"))
                .as("the slot was given back after the fetch").isEqualTo("0");
    }

    @Test
    void slotsWhoseLeaseEndedDoNotHoldAUrlIngestBack() {
        other.leaveExpiredSlots(0, 1);
        assertThat(ingest(site.url(FakeNewsSite.BANJIR))).isEqualTo(201);
        assertThat(other.slotsHeld()).isEqualTo(1);
    }
}
