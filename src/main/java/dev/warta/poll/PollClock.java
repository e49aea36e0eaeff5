package dev.warta.poll;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time the poller works with: when a source is due, when a lease ends, how old an entry is. A bean of
 * its own so tests can move time forward instead of waiting for it.
 */
@ApplicationScoped
public class PollClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
