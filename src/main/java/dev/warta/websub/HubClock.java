package dev.warta.websub;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hub's time: when a lease starts and ends, when a failed delivery is retried or given up. A bean of
 * its own so tests can move time forward instead of waiting for it.
 */
@ApplicationScoped
public class HubClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
