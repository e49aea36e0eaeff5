package dev.warta.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Host slots in PostgreSQL, the one state every Warta process shares: a slot is a {@code host_slot} row taken
 * in one statement and deleted when the fetch is done (in the transaction of whoever closes it, if it has one). Its lease is short ({@link #LEASE}) and this process
 * renews the leases of the slots it holds every {@value #RENEW_EVERY}, however long a fetch takes: a process
 * that dies holding slots frees them within one lease. A caller that waits is woken at once by a slot given
 * back in this process, and re-checks every {@value #RECHECK_MILLIS} ms for slots other processes give back.
 */
@ApplicationScoped
public class ClusterHostSlots implements HostSlots {

    static final long RECHECK_MILLIS = 250;
    /** How long a slot outlives the last renewal of the process holding it. */
    static final Duration LEASE = Duration.ofSeconds(15);
    /** A third of the lease: two renewals may be late (a long pause, a loaded machine) before a slot is lost. */
    static final String RENEW_EVERY = "5s";

    /** Identifies this process in slot owners, for giving back what it holds at shutdown. */
    private static final String PROCESS = UUID.randomUUID().toString().substring(0, 8);

    private final HostSlotRepository rows;
    private final int perHost;
    private final Duration lease = LEASE;
    /** The slots this process holds, by owner token: what {@link #renewHeld} keeps alive. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object givenBack = new Object();

    ClusterHostSlots(HostSlotRepository rows, WartaConfig config, MeterRegistry registry) {
        this.rows = rows;
        this.perHost = config.poll().maxPerHost();
        registry.gauge("warta.fetch.host.slots.waiting", waiting);
    }

    @Override
    public Optional<HostSlot> tryAcquire(String host) {
        String owner = PROCESS + ":" + UUID.randomUUID();
        // In the caller's transaction when there is one: the poller checks its claim's lease in the same commit.
        Optional<Integer> slot = QuarkusTransaction.joiningExisting().call(() -> rows.claimFree(host, perHost, owner, lease));
        slot.ifPresent(s -> held.add(owner));
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

    /** Keeps the slots of the fetches running here alive; a slot whose row is gone (taken over) stays lost. */
    @Scheduled(every = RENEW_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewHeld() {
        if (held.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> rows.renew(List.copyOf(held), lease));
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not renew %d host slot lease(s); they end in %d s unless a renewal succeeds", held.size(),
                    lease.toSeconds());
        }
    }

    private void giveBack(String host, int slot, String owner) {
        held.remove(owner);
        try {
            // In the caller's transaction when there is one: the poller gives back a 304's slot in the commit that
            // records it, one transaction for both (the slot stays taken until then, never the other way round).
            QuarkusTransaction.joiningExisting().run(() -> rows.delete(host, slot, owner));
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
