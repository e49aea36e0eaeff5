package dev.warta.ingest;

/**
 * What ingesting an upstream batch did.
 *
 * @param created   items that became entries (new entries, filled stubs, or an entry another source brought)
 * @param updated   entries whose content changed upstream
 * @param unchanged items already stored as they are, tombstoned, or beyond the number the source keeps
 * @param removed   entries of the source removed by retention (and tombstoned)
 * @param tooOld    items not stored because they are older than the source's maximum age (beyond its minimum)
 */
public record UpstreamResult(int created, int updated, int unchanged, int removed, int tooOld) {

    public static final UpstreamResult NOTHING = new UpstreamResult(0, 0, 0, 0, 0);

    /** A result without items left out for their age. */
    public UpstreamResult(int created, int updated, int unchanged, int removed) {
        this(created, updated, unchanged, removed, 0);
    }
}
