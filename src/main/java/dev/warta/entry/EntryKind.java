package dev.warta.entry;

/** What an entry is; stored lower-case in {@code entry.kind}. */
public enum EntryKind {
    /** An article pushed by the desk. */
    ARTICLE,
    /** A related article known only by the title another article gave it. */
    STUB,
    /** An entry aggregated from an upstream feed (a source). */
    ITEM;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static EntryKind ofDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
