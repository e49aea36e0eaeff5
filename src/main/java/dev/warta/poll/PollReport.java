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
 * @param unchanged      items already stored as they are (or tombstoned, or beyond the number the source keeps)
 * @param tooOld         items not stored because they are older than the source's maximum age
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PollReport(long sourceId, String outcome, Integer status, String error, int newEntries, int updatedEntries,
        int unchanged, int tooOld, String url, Instant nextPollAt) {

    /** A report without items left out for their age. */
    public PollReport(long sourceId, String outcome, Integer status, String error, int newEntries, int updatedEntries,
            int unchanged, String url, Instant nextPollAt) {
        this(sourceId, outcome, status, error, newEntries, updatedEntries, unchanged, 0, url, nextPollAt);
    }
}
