package dev.warta.poll;

import java.util.Locale;

/** What one fetch of a source came to. */
public enum PollOutcome {
    /** 200: read and stored. */
    FETCHED(false),
    /** 304: the validators matched; nothing read, nothing stored. */
    NOT_MODIFIED(false),
    /** 410: the upstream removed the feed; polling stops. */
    GONE(true),
    /** 429 or 503: the upstream asked Warta to come back later. */
    THROTTLED(true),
    /** Another 4xx/5xx. */
    HTTP_ERROR(true),
    /** The address guard refused the address (or a redirect target); nothing was sent. */
    REFUSED(true),
    /** Connect, read or total deadline passed. */
    TIMEOUT(true),
    /** The body is larger than allowed after decompression. */
    TOO_LARGE(true),
    /** A redirect loop, too many redirects or a broken Location. */
    REDIRECTS(true),
    /** The host did not resolve or the connection failed. */
    CONNECTION(true),
    /** The body is not a feed: malformed XML/JSON, a DOCTYPE, an HTML page without feed links. */
    INVALID_FEED(true);

    private final boolean error;

    PollOutcome(boolean error) {
        this.error = error;
    }

    public boolean error() {
        return error;
    }

    /** As shown in the API and metrics: {@code not-modified}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
