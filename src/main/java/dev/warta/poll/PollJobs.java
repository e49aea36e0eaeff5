package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;
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
import dev.warta.source.ClaimedSource;
import io.quarkus.logging.Log;

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
        private final Instant claimedAt;
        /** It waited for a slot held elsewhere: maybe long enough that its lease ran out (a stalled process). */
        private volatile boolean waited;

        private Job(ClaimedSource source, Instant claimedAt) {
            this.source = source;
            this.claimedAt = claimedAt;
        }

        void waited() {
            waited = true;
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
        Job job = new Job(source, clock.now());
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
            if (mayHaveLost(job) && !claims.renew(job.source, clock.now())) {
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
     * Whether the claim's lease may have run out before its fetch begins. Not when it was claimed less than a
     * renewal period ago and went straight to its fetch: its lease runs a whole {@code warta.poll.lease} past the
     * claim, and the renewals keep it going while the fetch runs. Skipping the check then saves a transaction on
     * nearly every fetch of a poll cycle; a claim that waited for a slot held elsewhere, or is older, is checked.
     */
    private boolean mayHaveLost(Job job) {
        return job.waited || !clock.now().isBefore(job.claimedAt.plus(claims.renewEvery()));
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
