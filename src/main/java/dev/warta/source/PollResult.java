package dev.warta.source;

import java.time.Duration;
import java.time.Instant;

/**
 * What one fetch of a source writes on it: one lease-guarded statement of {@link SourceRepository} each,
 * which also counts the result ({@code poll_count}). {@code at} is the fetch time; a null {@code nextPollAt}
 * stops polling.
 */
public sealed interface PollResult {

    /** The feed was read and its items stored; validators byte for byte as sent, for the next conditional GET. */
    record Fetched(String url, String title, String siteUrl, String etag, String lastModified, Instant at, int status,
            Instant nextPollAt, Duration interval, EntryCounts entries) implements PollResult {
    }

    /** What storing the items did: as a refresh reports it, also to a refresh that waited in another process. */
    record EntryCounts(int created, int updated, int unchanged, int tooOld) {
    }

    /** 304: only the poll bookkeeping moves (validators only when the upstream sent new ones). */
    record NotModified(String url, Instant at, Instant nextPollAt, String etag, String lastModified) implements PollResult {
    }

    /** 410: polling stops. */
    record Gone(Instant at, String error) implements PollResult {
    }

    /** Any failure; {@code outcome} as the API shows it, {@code status} when there was an answer. */
    record Failed(Instant at, Integer status, String outcome, int consecutiveErrors, String error, Instant nextPollAt)
            implements PollResult {
    }
}
