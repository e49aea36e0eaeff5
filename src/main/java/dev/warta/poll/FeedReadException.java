package dev.warta.poll;

import java.net.URI;
import java.util.List;

/** The body is not a feed Warta reads. {@link #alternates()} lists the feeds an HTML page advertises. */
public class FeedReadException extends Exception {

    public enum Reason {
        /** An HTML page, not a feed; it may name feeds through autodiscovery links. */
        HTML_PAGE,
        /** A DOCTYPE: Warta reads no DTDs and resolves no entities (XXE, entity expansion). */
        DOCTYPE,
        /** Not well-formed XML or JSON, or a format that is not RSS, Atom or JSON Feed. */
        MALFORMED,
        /** Warta's own reading code failed on the document (a bug, logged); the document may be fine. */
        INTERNAL
    }

    private final Reason reason;
    private final List<URI> alternates;

    public FeedReadException(Reason reason, String message, List<URI> alternates, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.alternates = List.copyOf(alternates);
    }

    public FeedReadException(Reason reason, String message) {
        this(reason, message, List.of(), null);
    }

    public Reason reason() {
        return reason;
    }

    public List<URI> alternates() {
        return alternates;
    }
}
