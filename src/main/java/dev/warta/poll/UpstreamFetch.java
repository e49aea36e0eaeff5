package dev.warta.poll;

import java.net.URI;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.HttpFetcher;
import dev.warta.source.ClaimedSource;

/**
 * The fetch stage: a GET through {@link HttpFetcher} (address guard, deadlines, caps), conditional with the
 * source's stored validators, classified into an {@link UpstreamAnswer}. Touches no database.
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
    UpstreamAnswer fetch(ClaimedSource source, Instant now) {
        return get(FetchRequest.get(URI.create(source.url()))
                .withHeader("Accept", ACCEPT)
                .withHeader("If-None-Match", source.etag())
                .withHeader("If-Modified-Since", source.lastModified()), now);
    }

    /** A feed a page advertised: not yet a source's, so nothing to be conditional on. */
    UpstreamAnswer fetch(URI url, Instant now) {
        return get(FetchRequest.get(url).withHeader("Accept", ACCEPT), now);
    }

    private UpstreamAnswer get(FetchRequest request, Instant now) {
        try {
            return UpstreamAnswer.of(fetcher.fetch(request), now);
        } catch (FetchException e) {
            return UpstreamAnswer.of(e);
        }
    }
}
