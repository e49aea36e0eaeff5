package dev.warta.poll;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a fetch of a source did, as {@code POST /api/sources/{id}/refresh} returns it.
 *
 * @param outcome        {@link PollOutcome#label()}
 * @param status         the HTTP status, when there was an answer
 * @param error          why it failed, when it did
 * @param newEntries     items that became entries
 * @param updatedEntries entries whose content changed upstream
 * @param unchanged      items already stored as they are (or tombstoned, or too old to keep)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PollReport(long sourceId, String outcome, Integer status, String error, int newEntries, int updatedEntries,
        int unchanged, String url, Instant nextPollAt) {
}
