package dev.warta.publish;

/**
 * Which page of a feed: the newest {@code limit} entries, or those just older than {@code before}, or just
 * newer than {@code after} (at most one of the two).
 */
public record FeedPage(int limit, Cursor before, Cursor after) {

    public static FeedPage first(int limit) {
        return new FeedPage(limit, null, null);
    }

    public boolean isFirst() {
        return before == null && after == null;
    }

    /** The cache key part and query string of this page, {@code ""} for the first page. */
    String cursorKey() {
        return before != null ? "before=" + before : after != null ? "after=" + after : "";
    }
}
