package dev.warta.poll;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchResult;

/**
 * What an upstream answered a fetch, classified once ({@link #of(FetchResult, Instant)}, {@link #of(FetchException)});
 * every stage after the fetch switches on it.
 */
sealed interface UpstreamAnswer permits UpstreamAnswer.NotModified, UpstreamAnswer.Gone, UpstreamAnswer.Throttled,
        UpstreamAnswer.Document, PollFailure {

    /** The HTTP status the upstream answered with; null when there was no answer. */
    Integer answeredStatus();

    /** Validators byte for byte as sent (null when absent), for the next conditional GET. */
    record Validators(String etag, String lastModified) {
    }

    /** 304: the validators matched. */
    record NotModified(Validators validators, Optional<URI> movedTo, Optional<Duration> cacheFloor) implements UpstreamAnswer {
        @Override
        public Integer answeredStatus() {
            return 304;
        }
    }

    /** 410: the upstream removed the feed. */
    record Gone() implements UpstreamAnswer {
        @Override
        public Integer answeredStatus() {
            return 410;
        }
    }

    /** 429 or 503: come back later, after {@code retryAfter} when the upstream said. */
    record Throttled(int status, Optional<Duration> retryAfter) implements UpstreamAnswer {
        @Override
        public Integer answeredStatus() {
            return status;
        }

        String message() {
            return status + (status == 429 ? " Too Many Requests" : " Service Unavailable")
                    + retryAfter.map(d -> "; Retry-After asks for " + d.toSeconds() + " s").orElse("");
        }
    }

    /**
     * A 2xx body to read. {@code url} is where it came from (after redirects), {@code movedTo} where the
     * source should be fetched from now on, when every redirect followed was permanent.
     */
    record Document(URI url, int status, byte[] body, Optional<Charset> charset, Optional<String> mediaType,
            Validators validators, Optional<URI> movedTo, Optional<Duration> cacheFloor) implements UpstreamAnswer {
        @Override
        public Integer answeredStatus() {
            return status;
        }

        /** This document as the source's own from now on: the address a page advertised it at. */
        Document advertisedAt(URI address) {
            return new Document(url, status, body, charset, mediaType, validators, Optional.of(address), cacheFloor);
        }
    }

    static UpstreamAnswer of(FetchResult result, Instant now) {
        int status = result.status();
        Optional<URI> movedTo = result.permanentlyMovedTo();
        Optional<Duration> cacheFloor = PollSchedule.cacheFloor(result.header("cache-control"), result.header("expires"),
                result.header("date"), now);
        Validators validators = new Validators(result.header("etag").orElse(null), result.header("last-modified").orElse(null));
        if (status == 304) {
            return new NotModified(validators, movedTo, cacheFloor);
        }
        if (status == 410) {
            return new Gone();
        }
        if (status == 429 || status == 503) {
            return new Throttled(status, PollSchedule.retryAfter(result.header("retry-after"), now));
        }
        if (!result.successful()) {
            return new PollFailure(PollOutcome.HTTP_ERROR, status, "the upstream answered HTTP " + status);
        }
        return new Document(result.url(), status, result.body(), result.charset(), result.mediaType(), validators, movedTo,
                cacheFloor);
    }

    static PollFailure of(FetchException e) {
        PollOutcome outcome = switch (e.reason()) {
            case REFUSED_ADDRESS -> PollOutcome.REFUSED;
            case TIMEOUT -> PollOutcome.TIMEOUT;
            case TOO_LARGE -> PollOutcome.TOO_LARGE;
            case REDIRECTS -> PollOutcome.REDIRECTS;
            case UNKNOWN_HOST, CONNECTION -> PollOutcome.CONNECTION;
            case INVALID -> PollOutcome.INVALID_FEED;
        };
        return new PollFailure(outcome, null, e.getMessage());
    }
}
