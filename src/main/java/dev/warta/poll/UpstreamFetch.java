package dev.warta.poll;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HostSlot;
import dev.warta.fetch.HttpFetcher;
import dev.warta.source.ClaimedSource;

/**
 * The fetch stage: a GET through {@link HttpFetcher} (address guard, deadlines, caps), conditional with the
 * source's stored validators, in a slot of the host (the one the poller's dispatcher took, else one waited for),
 * classified into an {@link UpstreamAnswer}. The slot is given back as soon as the answer is in: reading and
 * storing it do not keep the host busy (a 304's, with the write that records it).
 */
@ApplicationScoped
class UpstreamFetch {

    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1";

    private final HttpFetcher fetcher;

    UpstreamFetch(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The source's feed, conditionally: a 304 when its validators still match. */
    UpstreamAnswer fetch(ClaimedSource source, Optional<HostSlot> held, Instant now) {
        return get(FetchRequest.get(URI.create(source.url()))
                .withHeader("Accept", ACCEPT)
                .withHeader("If-None-Match", source.etag())
                .withHeader("If-Modified-Since", source.lastModified()), held, now);
    }

    /** A feed a page advertised: not yet a source's, so nothing to be conditional on. */
    UpstreamAnswer fetch(URI url, Instant now) {
        return get(FetchRequest.get(url).withHeader("Accept", ACCEPT), Optional.empty(), now);
    }

    private UpstreamAnswer get(FetchRequest request, Optional<HostSlot> held, Instant now) {
        try {
            return UpstreamAnswer.of(held.isPresent() ? fetchIn(held.get(), request) : fetcher.fetchPolitely(request), now);
        } catch (FetchException e) {
            return UpstreamAnswer.of(e);
        }
    }

    /**
     * A 304 keeps the slot: {@link PollRecorder} gives it back in the transaction that records the answer right
     * away, which saves a transaction per fetch in a cycle of 304s. Any other answer gives it back at once.
     */
    private FetchResult fetchIn(HostSlot slot, FetchRequest request) throws FetchException {
        FetchResult result = null;
        try {
            result = fetcher.fetch(request);
            return result;
        } finally {
            if (result == null || result.status() != 304) {
                slot.close();
            }
        }
    }
}
