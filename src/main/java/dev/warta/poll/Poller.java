package dev.warta.poll;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.WartaConfig;
import dev.warta.fetch.HostSlots;
import dev.warta.source.ClaimedSource;
import dev.warta.source.SourceDue;
import dev.warta.source.SourcesDue;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Drives polling. Every {@code warta.poll.tick} it claims as many due sources as it has room for and hands
 * them to the {@link FetchDispatcher} (bounds in this process, and per host across processes through
 * {@link HostSlots}); each claimed poll is known to {@link PollJobs} until it ends. When fetches finish while
 * more sources are due, it claims again without waiting for the next tick. New and resumed sources are
 * fetched at once ({@link SourceDue}); an OPML import or "refresh all" starts a tick ({@link SourcesDue}).
 */
@ApplicationScoped
public class Poller {

    private final SourceClaims claims;
    private final PollJobs jobs;
    private final PollClock clock;
    private final PollMetrics metrics;
    private final WartaConfig.Poll config;
    private final FetchDispatcher dispatcher;
    private final HostSlots slots;
    private final ExecutorService ticker;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private static final long DUE_COUNT_EVERY_MILLIS = 1000;
    private volatile long dueCountedAt = System.nanoTime();
    private volatile boolean backlog;
    private volatile Instant lastTick;
    private final Instant started;

    Poller(SourceClaims claims, PollJobs jobs, HostSlots slots, PollClock clock, PollMetrics metrics, WartaConfig config,
            MeterRegistry registry) {
        this.claims = claims;
        this.jobs = jobs;
        this.clock = clock;
        this.started = clock.now();
        this.metrics = metrics;
        this.config = config.poll();
        this.slots = slots;
        this.dispatcher = new FetchDispatcher(this.config.maxConcurrent(), this.config.maxPerHost(), slots);
        registry.gauge("warta.poll.hosts.waiting", dispatcher, FetchDispatcher::blockedHosts);
        this.ticker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warta-poll-tick");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(every = "${warta.poll.tick}", delayed = "${warta.poll.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            tick();
        }
    }

    /**
     * Claims due sources while there is room (twice the concurrency, so workers never wait for a claim) and
     * queues their fetches. Returns how many it claimed.
     */
    public int tick() {
        return tick(true);
    }

    /**
     * {@code countDue}: also count the sources still due, for the gauge. That count reads every due row, so a
     * tick that a finished fetch started does it at most once every {@value #DUE_COUNT_EVERY_MILLIS} ms.
     */
    private int tick(boolean countDue) {
        if (!ticking.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int claimed = 0;
            boolean full = false;
            while (true) {
                int room = config.maxConcurrent() * 2 - dispatcher.pending();
                int want = Math.min(room, config.claimBatch());
                if (want <= 0) {
                    full = true;
                    break;
                }
                List<ClaimedSource> batch = claims.claimDue(clock.now(), want);
                batch.forEach(this::dispatch);
                claimed += batch.size();
                if (batch.size() < want) {
                    break;
                }
            }
            backlog = full;
            Instant now = clock.now();
            long nanos = System.nanoTime();
            if (countDue || nanos - dueCountedAt >= TimeUnit.MILLISECONDS.toNanos(DUE_COUNT_EVERY_MILLIS)) {
                metrics.due(claims.dueCount(now));
                dueCountedAt = nanos;
            }
            lastTick = now;
            return claimed;
        } catch (RuntimeException e) {
            Log.error("Poller tick failed", e);
            return 0;
        } finally {
            ticking.set(false);
        }
    }

    /** Fetches a new or resumed source soon, in the background. */
    void fetchSoon(@Observes SourceDue due) {
        Optional<ClaimedSource> claimed = claims.claim(due.sourceId(), clock.now());
        claimed.ifPresent(this::dispatch);
    }

    void pollSoon(@Observes SourcesDue due) {
        wake();
    }

    /** Running or waiting fetches in this process. */
    public int inFlight() {
        return dispatcher.pending();
    }

    public Instant lastTick() {
        return lastTick;
    }

    public Instant started() {
        return started;
    }

    public boolean enabled() {
        return config.enabled();
    }

    private void dispatch(ClaimedSource source) {
        PollJobs.Job job = jobs.open(source);
        dispatcher.submit(host(source.url()), slot -> {
            metrics.inFlight(dispatcher.pending());
            try {
                // Unless a refresh of the source took the poll over while it was queued.
                jobs.runIfNotStarted(job, Optional.of(slot));
            } finally {
                int left = dispatcher.pending() - 1;
                metrics.inFlight(left);
                // Refill in batches: once the queue has drained to what the workers run at once, one tick claims
                // up to maxConcurrent sources in one statement, rather than one after every fetch. Sooner when
                // workers idle because what is queued waits for its hosts' slots: other hosts' sources may be due.
                if (backlog && (left <= config.maxConcurrent() || dispatcher.running() < config.maxConcurrent())) {
                    wake();
                }
            }
        }, host -> jobs.slotFor(job, host, slots));
    }

    /** Runs a tick soon on the ticker thread; many calls while one is pending make one tick. */
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            ticker.execute(() -> {
                wakePending.set(false);
                tick(false);
            });
        }
    }

    static String host(String url) {
        try {
            return HostSlots.hostOf(URI.create(url));
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        dispatcher.shutdown();
        try {
            int released = claims.releaseOwn();
            if (released > 0) {
                Log.infof("Released %d source leases at shutdown", released);
            }
        } catch (RuntimeException e) {
            Log.debug("Could not release leases at shutdown", e);
        }
    }
}
