package dev.warta.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The poller's liveness check with the poller on, on a clock the test moves: up while it ticks, down once
 * ten ticks went by without one, up again after the next tick. The tick is an hour, so the scheduler does
 * not tick during the test: only the test does.
 */
@QuarkusTest
@TestProfile(PollerHealthTest.PollerOn.class)
class PollerHealthTest {

    public static class PollerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warta.poll.enabled", "true", "warta.poll.tick", "1h");
        }
    }

    /** Ten ticks of an hour (more than the five-minute floor). */
    static final Duration STALLED_AFTER = Duration.ofHours(10);

    @Inject
    TestDatabase db;

    @Inject
    Poller poller;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

    @BeforeEach
    void start() {
        db.clear();
        QuarkusMock.installMockForType(new PollClock() {
            @Override
            public Instant now() {
                return now.get();
            }
        }, PollClock.class);
    }

    static ValidatableResponse liveness(int status, String poller) {
        return given().get("/q/health/live").then().statusCode(status)
                .body("checks.find { it.name == 'poller' }.status", equalTo(poller))
                .body("checks.find { it.name == 'poller' }.data.enabled", equalTo(true));
    }

    @Test
    void aPollerThatStopsTickingIsReportedDownUntilItTicksAgain() {
        Instant ticked = now.get();
        poller.tick();
        liveness(200, "UP").body("checks.find { it.name == 'poller' }.data.lastTick", equalTo(ticked.toString()));

        now.set(ticked.plus(STALLED_AFTER));
        liveness(200, "UP");

        now.set(ticked.plus(STALLED_AFTER).plusSeconds(1));
        String problem = liveness(503, "DOWN").extract().path("checks.find { it.name == 'poller' }.data.problem");
        assertThat(problem).isEqualTo("no tick since " + ticked);

        poller.tick();
        liveness(200, "UP").body("checks.find { it.name == 'poller' }.data.lastTick", equalTo(now.get().toString()));
    }
}
