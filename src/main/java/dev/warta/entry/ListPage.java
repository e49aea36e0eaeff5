package dev.warta.entry;

/**
 * Which page of a list of entries in feed order (newest publication first, then highest id): the newest
 * {@code limit}, or those just older than {@code before}, or just newer than {@code after} (at most one of the two).
 */
public record ListPage(int limit, Cursor before, Cursor after) {

    public static ListPage first(int limit) {
        return new ListPage(limit, null, null);
    }

    public boolean isFirst() {
        return before == null && after == null;
    }

    /** This page's cursor as a query string part ({@code before=…} or {@code after=…}), {@code ""} for the first page. */
    public String cursorQuery() {
        return before != null ? "before=" + before : after != null ? "after=" + after : "";
    }
}
