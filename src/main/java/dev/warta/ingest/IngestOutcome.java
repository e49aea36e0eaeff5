package dev.warta.ingest;

/** What ingesting a draft did. */
public enum IngestOutcome {
    /** A new entry. */
    CREATED,
    /** A stub with this title existed and now holds the article (same entry id). */
    FILLED_STUB,
    /** The entry existed and its content changed. */
    UPDATED,
    /** The entry existed with exactly this content; nothing was written. */
    UNCHANGED;

    public boolean created() {
        return this == CREATED || this == FILLED_STUB;
    }
}
