package dev.warta.ingest;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one transaction every ingest write runs in: its own, run again from the start when it lost a race for a
 * unique key to a concurrent writer (in this process or another), so that the second run finds that writer's row.
 * Desk articles, upstream batches and deletions alike.
 */
@ApplicationScoped
public class IngestTransaction {

    /** Each run after a lost race finds the winner committed; more than a few in a row means something else is wrong. */
    static final int ATTEMPTS = 8;
    /** The longest wait before a run again, in milliseconds (the wait doubles from 10 ms, at random below it). */
    private static final long MAX_BACKOFF_MS = 500;
    /** unique_violation, deadlock_detected, serialization_failure. */
    private static final Set<String> RACES = Set.of("23505", "40P01", "40001");

    /** A row this transaction meant to write was taken by a concurrent one: run it again. */
    static final class LostRace extends RuntimeException {
        LostRace(String message) {
            super(message, null, false, false);
        }
    }

    public <T> T run(Supplier<String> what, Callable<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isRace(e)) {
                    Log.debugf("Ingest of %s met a concurrent writer (%s); running it again", what.get(), e.getMessage());
                    backOff(attempt);
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * Writers that deadlocked on each other's uncommitted keys and start again at once meet again in the same order;
     * a random wait that grows with each attempt lets one of them commit first (the others then find its rows).
     */
    private static void backOff(int attempt) {
        long bound = Math.min(MAX_BACKOFF_MS, 10L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run an ingest again", e);
        }
    }

    static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LostRace || t instanceof SQLException sql && RACES.contains(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
