package dev.warta.entry;

/** A row to write over a stored entry, and the version it must still have (see {@link EntryRow.Version}). */
public record EntryUpdate(EntryRow row, EntryRow.Version expected) {

    /** Writes {@code next} over {@code stored}, if {@code stored} is still what was read. */
    public static EntryUpdate of(EntryRow stored, EntryRow next) {
        return new EntryUpdate(next, stored.version());
    }
}
