package dev.warta.ingest;

/**
 * What ingesting an upstream batch did.
 *
 * @param created   items that became entries (new entries, filled stubs, or an entry another source brought)
 * @param updated   entries whose content changed upstream
 * @param unchanged items already stored as they are, tombstoned, or too old to keep
 * @param removed   entries of the source removed by retention (and tombstoned)
 */
public record UpstreamResult(int created, int updated, int unchanged, int removed) {

    public static final UpstreamResult NOTHING = new UpstreamResult(0, 0, 0, 0);
}
