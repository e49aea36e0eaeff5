package dev.warta.entry;

/**
 * Which page of a list of entries in feed order (newest publication first, then highest id): the newest
 * {@code limit}, or those just older than {@code before}, or just newer than {@code after} (at most one of the two).
 * {@code withStubs} false leaves stubs out (a feed's {@code ?stubs=false} variant).
 */
public record ListPage(int limit, Cursor before, Cursor after, boolean withStubs) {

    /** A page of the list with stubs, as every list had before the variant. */
    public ListPage(int limit, Cursor before, Cursor after) {
        this(limit, before, after, true);
    }

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

    /** What every page of this variant keeps in its query string: {@code stubs=false}, or {@code ""} for the default. */
    public String variantQuery() {
        return withStubs ? "" : "stubs=false";
    }
}
