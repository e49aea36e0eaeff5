package dev.warta.fetch;

/** A fetch that produced no HTTP answer worth reading. {@link #reason()} says which kind of failure. */
public class FetchException extends Exception {

    public enum Reason {
        /** The address guard refused the host or a redirect target; nothing was sent. */
        REFUSED_ADDRESS,
        /** The name did not resolve. */
        UNKNOWN_HOST,
        /** Connecting failed or the connection broke. */
        CONNECTION,
        /** Connect, read or total deadline passed. */
        TIMEOUT,
        /** The body is larger than allowed, after decompression. */
        TOO_LARGE,
        /** More redirects than allowed, or a redirect without a usable Location. */
        REDIRECTS,
        /** Not an http(s) URL, or a malformed answer. */
        INVALID
    }

    private final Reason reason;

    public FetchException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
