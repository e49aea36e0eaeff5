package dev.warta.source;

import java.util.Locale;

/** Where a source stands; stored lower-case in {@code source.state}. */
public enum SourceState {
    /** Polled on schedule; the last fetch succeeded. */
    ACTIVE,
    /** Not polled until a user resumes it. */
    PAUSED,
    /** The upstream answered 410 Gone: no longer polled (a manual refresh may revive it). */
    GONE,
    /** Polled with backoff: the last fetch failed ({@code last_error} says why). */
    FAILING;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
