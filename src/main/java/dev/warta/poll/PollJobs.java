package dev.warta.poll;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.fetch.HostSlot;
import dev.warta.fetch.HostSlots;
import dev.warta.source.ClaimedSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The polls this process has claimed and not finished, by source: queued in the dispatcher or running. A
 * refresh of such a source takes over a queued poll (it runs in the refresh's thread, once) or waits for the
 * running one, so that the upstream sees one request and the refresh answers that request's outcome. Their
 * leases are renewed while they wait and run, so a claim queued behind the per-host bound keeps its source,
 * and a lease outlives this process by at most {@code warta.poll.lease} however long a fetch takes.
 */
@ApplicationScoped
class PollJobs {

    /** One claimed poll; it runs once, whoever starts it. */
    static final class Job {
        private final ClaimedSource source;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<PollReport> report = new CompletableFuture<>();
        /** Its lease was found held, in the transaction that took its host slot; not checked again then. */
        private volatile boolean leaseChecked;
        /** Its lease was found lost in that transaction: it must not fetch. */
        private volatile boolean leaseLost;

        private Job(ClaimedSource source) {
            this.source = source;
        }
    }

    /** The claim's lease ran out before its fetch began; the source is another poller's now. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(long sourceId) {
            super("the lease of source " + sourceId + " ran out while its fetch waited", null, false, false);
        }
    }

    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final PollService service;
    private final SourceClaims claims;
    private final PollClock clock;

    private final ScheduledExecutorService renewer;

    PollJobs(PollService service, SourceClaims claims, PollClock clock) {
        this.service = service;
        this.claims = claims;
        this.clock = clock;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warta-poll-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = claims.renewEvery().toMillis();
        renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewLeases() {
        try {
            claims.renew(jobs.values().stream().map(job -> job.source).toList(), clock.now());
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not renew the leases of %d claimed source(s)", jobs.size());
        }
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }

    /** A claimed source's poll, known from now on to refreshes of it. */
    Job open(ClaimedSource source) {
        Job job = new Job(source);
        jobs.put(source.id(), job);
        return job;
    }

    Optional<Job> find(long sourceId) {
        return Optional.ofNullable(jobs.get(sourceId));
    }

    /** Runs the poll unless someone started it already; empty then. */
    Optional<PollReport> runIfNotStarted(Job job, Optional<HostSlot> held) {
        if (!job.started.compareAndSet(false, true)) {
            held.ifPresent(HostSlot::close);
            return Optional.empty();
        }
        try {
            if (job.leaseLost || !job.leaseChecked && !claims.renew(job.source, clock.now())) {
                Log.infof("Source %d: its lease ran out while the fetch waited in the queue; another poller has it",
                        job.source.id());
                held.ifPresent(HostSlot::close);
                job.report.completeExceptionally(new LeaseLost(job.source.id()));
                return Optional.empty();
            }
            PollReport report = service.poll(job.source, held);
            job.report.complete(report);
            return Optional.of(report);
        } catch (RuntimeException | Error e) {
            job.report.completeExceptionally(e);
            throw e;
        } finally {
            jobs.remove(job.source.id(), job);
        }
    }

    /**
     * A slot of the job's host, taken in the transaction that also checks (and restarts) the claim's lease, so
     * that the check costs no commit of its own. When the lease was lost, a slot that bounds nothing: the job
     * then ends without fetching.
     */
    Optional<HostSlot> slotFor(Job job, String host, HostSlots slots) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!claims.renewInTransaction(job.source, clock.now())) {
                job.leaseLost = true;
                return HostSlots.unbounded().tryAcquire(host);
            }
            Optional<HostSlot> slot = slots.tryAcquire(host);
            job.leaseChecked = slot.isPresent();
            return slot;
        });
    }

    /** The poll's outcome: run here when it has not started yet, else awaited up to {@code wait}; empty when it took longer. */
    Optional<PollReport> takeOverOrAwait(Job job, Duration wait) {
        Optional<PollReport> ran = runIfNotStarted(job, Optional.empty());
        if (ran.isPresent()) {
            return ran;
        }
        try {
            return Optional.of(job.report.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
