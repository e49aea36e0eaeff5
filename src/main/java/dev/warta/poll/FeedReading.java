package dev.warta.poll;

import java.net.URI;
import java.util.List;

/** What reading an upstream document came to: a feed, a page that advertises feeds, or a failure. */
sealed interface FeedReading permits FeedReading.Feed, FeedReading.Page, PollFailure {

    /** The document read as a feed. */
    record Feed(ParsedFeed feed, UpstreamAnswer.Document document) implements FeedReading {
    }

    /** An HTML page that advertises these feeds (at least one), best first. */
    record Page(List<URI> advertised, UpstreamAnswer.Document document) implements FeedReading {
        public Page {
            advertised = List.copyOf(advertised);
        }
    }
}
