package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import dev.warta.WartaConfig;

/**
 * Reports the poller in {@code /q/health/live}: down when it is enabled but has not ticked for ten ticks
 * (at least five minutes), i.e. it is wedged and a restart would help. Ticks and this check read the same
 * {@link PollClock}.
 */
@Liveness
@ApplicationScoped
public class PollerHealthCheck implements HealthCheck {

    private final Poller poller;
    private final PollMetrics metrics;
    private final PollClock clock;
    private final Duration stalledAfter;

    PollerHealthCheck(Poller poller, PollMetrics metrics, PollClock clock, WartaConfig config) {
        this.poller = poller;
        this.metrics = metrics;
        this.clock = clock;
        Duration tenTicks = config.poll().tick().multipliedBy(10);
        this.stalledAfter = tenTicks.compareTo(Duration.ofMinutes(5)) > 0 ? tenTicks : Duration.ofMinutes(5);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("poller")
                .withData("enabled", poller.enabled())
                .withData("inFlight", poller.inFlight())
                .withData("due", metrics.due());
        Instant last = poller.lastTick();
        if (last != null) {
            b.withData("lastTick", last.toString());
        }
        if (!poller.enabled()) {
            return b.up().build();
        }
        Instant reference = last != null ? last : poller.started();
        boolean stalled = Duration.between(reference, clock.now()).compareTo(stalledAfter) > 0;
        return stalled ? b.down().withData("problem", "no tick since " + reference).build() : b.up().build();
    }
}
