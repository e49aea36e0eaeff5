package dev.warta.poll;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.source.ClaimedSource;
import io.quarkus.logging.Log;

/**
 * Autodiscovery: a source whose address is an HTML page that advertises a feed is read from that feed, whose
 * address becomes the source's. Only the first (best) advertised feed is tried; an address another source
 * follows already is not fetched at all.
 */
@ApplicationScoped
class FeedDiscovery {

    private final UpstreamFetch upstream;
    private final DocumentReader reader;
    private final SourceAddresses addresses;

    FeedDiscovery(UpstreamFetch upstream, DocumentReader reader, SourceAddresses addresses) {
        this.upstream = upstream;
        this.reader = reader;
        this.addresses = addresses;
    }

    /** The advertised feed, read ({@link FeedReading.Feed}), or why not ({@link PollFailure}); never a page. */
    FeedReading follow(ClaimedSource source, FeedReading.Page page, Instant now) {
        URI advertised = page.advertised().get(0);
        String says = "the page advertises " + advertised;
        Optional<Long> other = addresses.otherSourceAt(advertised, source);
        if (other.isPresent()) {
            return new PollFailure(PollOutcome.INVALID_FEED, page.document().status(),
                    says + ", which is already source " + other.get());
        }
        UpstreamAnswer answer = upstream.fetch(advertised, now);
        if (answer instanceof PollFailure failure && failure.status() == null) {
            return new PollFailure(failure.outcome(), null, says + ": " + failure.message());
        }
        if (!(answer instanceof UpstreamAnswer.Document document)) {
            return new PollFailure(PollOutcome.HTTP_ERROR, answer.answeredStatus(),
                    says + ", which answered HTTP " + answer.answeredStatus());
        }
        FeedReading reading = reader.read(document.advertisedAt(advertised), now);
        if (!(reading instanceof FeedReading.Feed)) {
            String why = reading instanceof PollFailure failure ? failure.message()
                    : "an HTML page; it advertises " + ((FeedReading.Page) reading).advertised().get(0);
            return new PollFailure(PollOutcome.INVALID_FEED, document.status(), says + ", which is not a feed either: " + why);
        }
        Log.infof("Source %d: %s is a page; its feed is %s", source.id(), source.url(), advertised);
        return reading;
    }
}
