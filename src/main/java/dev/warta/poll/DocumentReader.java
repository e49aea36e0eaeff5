package dev.warta.poll;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The reading stage: a fetched document through {@link FeedParser}, counted. Touches no database. */
@ApplicationScoped
class DocumentReader {

    private final FeedParser parser = new FeedParser();
    private final PollMetrics metrics;

    DocumentReader(PollMetrics metrics) {
        this.metrics = metrics;
    }

    FeedReading read(UpstreamAnswer.Document document, Instant now) {
        metrics.documentRead();
        try {
            return new FeedReading.Feed(parser.parse(document.body(), document.charset(), document.mediaType(), document.url(), now),
                    document);
        } catch (FeedReadException e) {
            if (e.reason() == FeedReadException.Reason.HTML_PAGE && !e.alternates().isEmpty()) {
                return new FeedReading.Page(e.alternates(), document);
            }
            return new PollFailure(PollOutcome.INVALID_FEED, document.status(), e.getMessage());
        }
    }
}
