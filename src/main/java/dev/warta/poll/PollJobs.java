package dev.warta.poll;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.fetch.HostSlot;
import dev.warta.source.ClaimedSource;

/**
 * The polls this process has claimed and not finished, by source: queued in the dispatcher or running. A
 * refresh of such a source takes over a queued poll (it runs in the refresh's thread, once) or waits for the
 * running one, so that the upstream sees one request and the refresh answers that request's outcome.
 */
@ApplicationScoped
class PollJobs {

    /** One claimed poll; it runs once, whoever starts it. */
    static final class Job {
        private final ClaimedSource source;
        private final AtomicBoolean started = new AtomicBoolean();
        private final CompletableFuture<PollReport> report = new CompletableFuture<>();

        private Job(ClaimedSource source) {
            this.source = source;
        }
    }

    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final PollService service;

    PollJobs(PollService service) {
        this.service = service;
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
