package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import dev.warta.fetch.HostSlot;
import dev.warta.ingest.UpstreamBatch;
import dev.warta.ingest.UpstreamIngest;
import dev.warta.source.ClaimedSource;
import io.quarkus.logging.Log;

/**
 * One poll of one claimed source, stage by stage: fetch and classify the answer ({@link UpstreamFetch}),
 * read the document ({@link DocumentReader}), follow a page to the feed it advertises ({@link FeedDiscovery}),
 * store the items ({@link UpstreamIngest}), record the outcome on the source ({@link PollRecorder}). Fetching
 * and reading touch no database; a 304 reads nothing and stores nothing but the source's poll bookkeeping.
 */
@ApplicationScoped
public class PollService {

    private final UpstreamFetch upstream;
    private final DocumentReader reader;
    private final FeedDiscovery discovery;
    private final SourceAddresses addresses;
    private final UpstreamIngest ingest;
    private final PollRecorder recorder;
    private final PollClock clock;
    private final PollMetrics metrics;
    private final UpstreamBatch.Retention defaultRetention;

    PollService(UpstreamFetch upstream, DocumentReader reader, FeedDiscovery discovery, SourceAddresses addresses,
            UpstreamIngest ingest, PollRecorder recorder, PollClock clock, PollMetrics metrics, WartaConfig config) {
        this.upstream = upstream;
        this.reader = reader;
        this.discovery = discovery;
        this.addresses = addresses;
        this.ingest = ingest;
        this.recorder = recorder;
        this.clock = clock;
        this.metrics = metrics;
        this.defaultRetention = new UpstreamBatch.Retention(config.poll().retentionMaxEntries(), config.poll().retentionMaxAge());
    }

    /** Fetches the source (waiting for a slot of its host) and records the result; never throws for an upstream's fault. */
    public PollReport poll(ClaimedSource source) {
        return poll(source, Optional.empty());
    }

    /** The same, in a slot of the source's host that the caller took; it is given back once the answer is in. */
    public PollReport poll(ClaimedSource source, Optional<HostSlot> held) {
        long started = System.nanoTime();
        Instant now = clock.now();
        PollReport report;
        try {
            report = fetchAndStore(source, held, now);
        } catch (RuntimeException e) {
            report = internalError(source, now, e);
        }
        metrics.fetched(report, System.nanoTime() - started);
        return report;
    }

    private PollReport fetchAndStore(ClaimedSource source, Optional<HostSlot> held, Instant now) {
        UpstreamAnswer answer = upstream.fetch(source, held, now);
        if (!(answer instanceof UpstreamAnswer.Document document)) {
            return recorder.answered(source, answer, held, now);
        }
        FeedReading reading = reader.read(document, now);
        if (reading instanceof FeedReading.Page page) {
            reading = discovery.follow(source, page, now);
        }
        if (reading instanceof FeedReading.Feed feed) {
            return store(source, feed, now);
        }
        return recorder.failed(source, (PollFailure) reading, now);
    }

    private PollReport store(ClaimedSource source, FeedReading.Feed read, Instant now) {
        String url = addresses.after(source, read.document().movedTo());
        String title = read.feed().title() != null ? read.feed().title() : source.title();
        UpstreamBatch batch = new UpstreamBatch(source.id(),
                source.customTitle() != null ? source.customTitle() : title != null ? title : url, url,
                read.feed().siteUrl() != null ? read.feed().siteUrl() : source.siteUrl(), source.topicIds(),
                read.feed().items(), retention(source), now);
        return recorder.fetched(source, read, url, record -> ingest.ingest(batch, record), now);
    }

    private UpstreamBatch.Retention retention(ClaimedSource source) {
        return new UpstreamBatch.Retention(
                source.retentionMaxEntries() != null ? source.retentionMaxEntries() : defaultRetention.maxEntries(),
                source.retentionMaxAgeDays() != null ? Duration.ofDays(source.retentionMaxAgeDays()) : defaultRetention.maxAge());
    }

    /** A bug or a database failure, not the upstream's doing: the source backs off like after an error. */
    private PollReport internalError(ClaimedSource source, Instant now, RuntimeException e) {
        Log.errorf(e, "Polling source %d (%s) failed", source.id(), source.url());
        try {
            return recorder.failed(source, new PollFailure(PollOutcome.HTTP_ERROR, null,
                    "internal error while polling: " + e.getClass().getSimpleName()), now);
        } catch (RuntimeException again) {
            // The database is unreachable: the lease expires and another poll tries again.
            Log.errorf(again, "Recording the failure of source %d failed too", source.id());
            return new PollReport(source.id(), PollOutcome.HTTP_ERROR.label(), null, "internal error", 0, 0, 0, source.url(), null);
        }
    }
}
