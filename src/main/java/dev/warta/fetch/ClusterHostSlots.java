package dev.warta.fetch;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Host slots in PostgreSQL, the one state every Warta process shares: a slot is a {@code host_slot} row taken
 * in one statement and deleted when the fetch is done. Its lease outlasts the fetch deadline, so a process
 * that dies holding slots frees them after a while. A caller that waits is woken at once by a slot given back
 * in this process, and re-checks every {@value #RECHECK_MILLIS} ms for slots other processes give back.
 */
@ApplicationScoped
public class ClusterHostSlots implements HostSlots {

    static final long RECHECK_MILLIS = 250;
    /** Longer than any fetch holds its slot: the total deadline cancels it first. */
    private static final Duration LEASE_BEYOND_DEADLINE = Duration.ofSeconds(30);

    /** Identifies this process in slot owners, for giving back what it holds at shutdown. */
    private static final String PROCESS = UUID.randomUUID().toString().substring(0, 8);

    private final HostSlotRepository rows;
    private final int perHost;
    private final Duration lease;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object givenBack = new Object();

    ClusterHostSlots(HostSlotRepository rows, WartaConfig config, MeterRegistry registry) {
        this.rows = rows;
        this.perHost = config.poll().maxPerHost();
        this.lease = config.fetch().totalDeadline().plus(LEASE_BEYOND_DEADLINE);
        registry.gauge("warta.fetch.host.slots.waiting", waiting);
    }

    @Override
    public Optional<HostSlot> tryAcquire(String host) {
        String owner = PROCESS + ":" + UUID.randomUUID();
        Optional<Integer> slot = QuarkusTransaction.requiringNew().call(() -> rows.claimFree(host, perHost, owner, lease));
        return slot.map(s -> new HostSlot(host, () -> giveBack(host, s, owner)));
    }

    @Override
    public HostSlot acquire(String host, Duration wait) throws FetchException {
        long deadline = System.nanoTime() + wait.toNanos();
        waiting.incrementAndGet();
        try {
            while (true) {
                Optional<HostSlot> slot = tryAcquire(host);
                if (slot.isPresent()) {
                    return slot.get();
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new FetchException(FetchException.Reason.TIMEOUT, "no turn to fetch from " + host + " within "
                            + wait.toSeconds() + " s: " + perHost + " fetches of it were running (warta.poll.max-per-host)");
                }
                synchronized (givenBack) {
                    givenBack.wait(Math.min(left, RECHECK_MILLIS));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.TIMEOUT, "interrupted while waiting to fetch from " + host, e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void giveBack(String host, int slot, String owner) {
        try {
            QuarkusTransaction.requiringNew().run(() -> rows.delete(host, slot, owner));
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not give back slot %d of %s; it is free again when its lease ends", slot, host);
        }
        synchronized (givenBack) {
            givenBack.notifyAll();
        }
    }

    @PreDestroy
    void stop() {
        try {
            QuarkusTransaction.requiringNew().run(() -> rows.deleteOwnedBy(PROCESS + ":"));
        } catch (RuntimeException e) {
            Log.debug("Could not give back host slots at shutdown", e);
        }
    }
}
