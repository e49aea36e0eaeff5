package dev.warta.source;

import java.time.Instant;

/**
 * A source's lease and the outcome its last fetch recorded. {@code pollCount} moves with every recorded
 * result, so whoever waits for a fetch that holds the lease knows when that fetch's result is in.
 *
 * @param leaseOwner null when no fetch holds the source
 */
public record SourcePollState(long id, String url, String leaseOwner, Instant leaseUntil, long pollCount, String lastOutcome,
        Integer lastStatus, String lastError, PollResult.EntryCounts lastEntries, Instant nextPollAt) {
}
