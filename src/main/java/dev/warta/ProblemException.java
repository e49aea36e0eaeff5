package dev.warta;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What went wrong, in the domain's words: services throw one of the kinds below and never choose an HTTP
 * status. One place, {@code web.ProblemMapper} (with {@code web.ProblemStatus}), turns a kind into a status
 * and an {@code application/problem+json} body (RFC 9457), for JAX-RS resources and for the Vert.x routes alike.
 * {@code code} is a stable machine-readable name; extensions name what is at fault ({@code field},
 * {@code line}, {@code existing}, ...).
 */
public abstract sealed class ProblemException extends RuntimeException {

    private final String code;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private ProblemException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** The request is malformed or a field is out of bounds; {@code field} or {@code line} says where. */
    public static non-sealed class Invalid extends ProblemException {
        public Invalid(String code, String detail) {
            super(code, detail);
        }
    }

    /** Nothing is stored or published under what the request names. */
    public static final class NotFound extends ProblemException {
        NotFound(String code, String detail) {
            super(code, detail);
        }
    }

    /** The request contradicts what is stored (a duplicate, two entries claiming one identity). */
    public static final class Conflict extends ProblemException {
        Conflict(String code, String detail) {
            super(code, detail);
        }
    }

    /** Understood, but Warta will not do it: a refused address, a page that is not an article, a remote 4xx. */
    public static final class Refused extends ProblemException {
        Refused(String code, String detail) {
            super(code, detail);
        }
    }

    /** A remote site Warta had to ask could not be reached or failed (timeout, connection, 5xx). */
    public static final class UpstreamFailed extends ProblemException {
        UpstreamFailed(String code, String detail) {
            super(code, detail);
        }
    }

    /** The request's body is larger than Warta accepts. */
    public static final class TooLarge extends ProblemException {
        TooLarge(String code, String detail) {
            super(code, detail);
        }
    }

    /** The request's Content-Type (or charset) is one this address does not read. */
    public static final class Unsupported extends ProblemException {
        Unsupported(String code, String detail) {
            super(code, detail);
        }
    }

    /** None of the formats the request's {@code Accept} allows can be produced. */
    public static final class NotAcceptable extends ProblemException {
        NotAcceptable(String code, String detail) {
            super(code, detail);
        }
    }

    /** This address does not take the request's method; {@code allowed} lists those it takes. */
    public static final class NotAllowed extends ProblemException {
        private final List<String> allowed;

        NotAllowed(String detail, List<String> allowed) {
            super("method-not-allowed", detail);
            this.allowed = List.copyOf(allowed);
        }

        public List<String> allowed() {
            return allowed;
        }
    }

    /** Too many requests from this client; it may try again after {@code retryAfter}. */
    public static final class Throttled extends ProblemException {
        private final Duration retryAfter;

        Throttled(String code, String detail, Duration retryAfter) {
            super(code, detail);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A fault of Warta's own; the detail says so without naming classes or traces. */
    public static final class Internal extends ProblemException {
        Internal(String detail) {
            super("internal-error", detail);
        }
    }

    public static Invalid invalid(String code, String detail) {
        return new Invalid(code, detail);
    }

    public static NotFound notFound(String detail) {
        return new NotFound("not-found", detail);
    }

    public static Conflict conflict(String code, String detail) {
        return new Conflict(code, detail);
    }

    public static Refused refused(String code, String detail) {
        return new Refused(code, detail);
    }

    public static UpstreamFailed upstreamFailed(String code, String detail) {
        return new UpstreamFailed(code, detail);
    }

    public static TooLarge tooLarge(String detail) {
        return new TooLarge("too-large", detail);
    }

    public static Unsupported unsupported(String detail) {
        return new Unsupported("unsupported-media-type", detail);
    }

    public static NotAcceptable notAcceptable(String detail) {
        return new NotAcceptable("not-acceptable", detail);
    }

    public static NotAllowed notAllowed(String detail, List<String> allowed) {
        return new NotAllowed(detail, allowed);
    }

    public static Throttled throttled(String code, String detail, Duration retryAfter) {
        return new Throttled(code, detail, retryAfter);
    }

    public static Internal internal(String detail) {
        return new Internal(detail);
    }

    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
