package dev.warta.ingest;

/**
 * Fired once an ingest that left item pages to read has committed (observers use {@code during = AFTER_SUCCESS}):
 * the full-text worker then claims them at once instead of at its next sweep.
 */
public record FullTextWanted(long sourceId) {
}
