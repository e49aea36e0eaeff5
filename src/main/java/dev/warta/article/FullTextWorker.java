package dev.warta.article;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.warta.ProblemException;
import dev.warta.WartaConfig;
import dev.warta.ingest.FullTextClaim;
import dev.warta.ingest.FullTextIngest;
import dev.warta.ingest.FullTextWanted;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Reads the pages of new items from full-text sources: claims pages that ingest recorded ({@link FullTextIngest}),
 * fetches and reads each with the {@link ArticlePageReader} (the address guard, the fetch limits and the per-host
 * bound of every fetch), and hands the body back to ingest, or why there is none. It runs on its own thread right
 * after an ingest that wants pages commits, and at every sweep (pages another process left, or a run's leftovers).
 * A run claims at most {@code warta.fulltext.max-per-tick} pages, {@code max-per-host} of one host, and reads them
 * one after another, so a full-text source never takes more than one of its host's slots from this process. It
 * lives in {@code article}, which may use {@code fetch} and {@code ingest}; {@code poll} knows nothing of it.
 */
@ApplicationScoped
public class FullTextWorker {

    private final FullTextIngest ingest;
    private final ArticlePageReader reader;
    private final WartaConfig.Fulltext config;
    private final String process = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private ExecutorService thread;

    FullTextWorker(FullTextIngest ingest, ArticlePageReader reader, WartaConfig config) {
        this.ingest = ingest;
        this.reader = reader;
        this.config = config.fulltext();
    }

    /** Not in a constructor: the client proxy would run that too. */
    @PostConstruct
    void open() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warta-fulltext");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    void wanted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FullTextWanted event) {
        start();
    }

    @Scheduled(every = "${warta.fulltext.sweep-interval}", delayed = "${warta.fulltext.sweep-interval}")
    void sweep() {
        start();
    }

    /** Starts a run on the worker's thread, or one more after the run going on; returns at once. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        thread.execute(() -> {
            try {
                do {
                    again.set(false);
                    runOnce();
                } while (again.get());
            } catch (RuntimeException e) {
                Log.error("Reading full-text pages failed", e);
            } finally {
                running.set(false);
            }
        });
    }

    /** One run in the caller's thread: claims pages and reads them. Returns how many bodies it stored. */
    public int runOnce() {
        Instant leaseUntil = Instant.now().plus(config.lease());
        List<FullTextClaim> claims = ingest.claim(config.maxPerTick(), config.maxPerHost(), leaseUntil,
                process + "/" + UUID.randomUUID());
        int stored = 0;
        for (FullTextClaim claim : claims) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the lease ends and the claim counts as failed
            }
            if (read(claim)) {
                stored++;
            }
        }
        return stored;
    }

    private boolean read(FullTextClaim claim) {
        ArticleReading reading;
        try {
            reading = reader.fetch(URI.create(claim.pageUrl()));
        } catch (ProblemException e) {
            ingest.failed(claim, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            Log.errorf(e, "Reading the page %s failed", claim.pageUrl());
            ingest.failed(claim, "internal error while reading the page: " + e.getClass().getSimpleName());
            return false;
        }
        return ingest.store(claim, reading.draft().bodyHtml());
    }
}
