package dev.warta.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.ProblemException;
import dev.warta.WartaConfig;
import dev.warta.source.ClaimedSource;
import dev.warta.source.SourcePollState;
import dev.warta.source.SourceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code POST /api/sources/{id}/refresh}: the outcome of a fetch of the source that starts no sooner than the
 * refresh. When no fetch holds the source, this one claims it and fetches in the caller's thread. When one does,
 * the refresh answers that fetch's outcome instead of fetching again: a poll queued in this process is taken
 * over, a running one is waited for, and one in another process is watched on the source's row until its
 * result is recorded ({@code poll_count} moves). A fetch whose lease ends without a result (its process died)
 * leaves the source to this refresh, which then claims and fetches it.
 */
@ApplicationScoped
public class SourceRefresh {

    private static final long RECHECK_MILLIS = 250;

    private final SourceClaims claims;
    private final PollJobs jobs;
    private final PollRecorder recorder;
    private final PollClock clock;
    private final SourceRepository sources;
    private final Duration lease;
    private final AtomicInteger joined = new AtomicInteger();

    SourceRefresh(SourceClaims claims, PollJobs jobs, PollRecorder recorder, PollClock clock, SourceRepository sources,
            WartaConfig config, MeterRegistry registry) {
        this.claims = claims;
        this.jobs = jobs;
        this.recorder = recorder;
        this.clock = clock;
        this.sources = sources;
        this.lease = config.poll().lease();
        registry.gauge("warta.poll.refreshes.joined", joined);
    }

    public PollReport refresh(long sourceId) {
        while (true) {
            // Read before claiming: a fetch that holds the lease has its result in once poll_count passed this.
            SourcePollState before = state(sourceId);
            Optional<ClaimedSource> claimed = claims.claim(sourceId, clock.now());
            if (claimed.isPresent()) {
                return jobs.runIfNotStarted(jobs.open(claimed.get()), Optional.empty()).orElseThrow();
            }
            Optional<PollReport> outcome = join(before);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
    }

    /** The outcome of the fetch that holds the lease; empty when it ended without one (then the lease is free). */
    private Optional<PollReport> join(SourcePollState before) {
        joined.incrementAndGet();
        try {
            Optional<PollJobs.Job> here = jobs.find(before.id());
            return here.isPresent() ? jobs.takeOverOrAwait(here.get(), lease) : awaitOtherProcess(before);
        } finally {
            joined.decrementAndGet();
        }
    }

    private Optional<PollReport> awaitOtherProcess(SourcePollState before) {
        while (true) {
            SourcePollState now = state(before.id());
            if (now.pollCount() > before.pollCount()) {
                return Optional.of(recorder.recorded(now));
            }
            boolean held = now.leaseOwner() != null && now.leaseUntil() != null && !now.leaseUntil().isBefore(clock.now());
            if (!held || !now.leaseOwner().equals(before.leaseOwner())) {
                return Optional.empty();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS));
            if (Thread.currentThread().isInterrupted()) {
                throw ProblemException.internal("stopped waiting for the fetch of source " + before.id());
            }
        }
    }

    private SourcePollState state(long sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> sources.findPollState(sourceId))
                .orElseThrow(() -> ProblemException.notFound("no source with id " + sourceId));
    }
}
