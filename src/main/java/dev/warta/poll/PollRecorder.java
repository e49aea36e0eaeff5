package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import dev.warta.fetch.HostSlot;
import dev.warta.ingest.ItemDraft;
import dev.warta.ingest.UpstreamResult;
import dev.warta.source.ClaimedSource;
import dev.warta.source.PollResult;
import dev.warta.source.SourcePollState;
import dev.warta.source.SourceRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records how a fetch ended on its source: state, validators, errors and backoff, the next poll, what was
 * stored, the lease released, and the {@link PollReport} that says so. The one writer of a source's poll state;
 * every write applies only while the source still carries the fetch's lease, in a short transaction of its own,
 * except after a stored feed: then in the ingest's transaction, so that a fetch with news costs one commit.
 */
@ApplicationScoped
class PollRecorder {

    private static final int MAX_ERROR = 500;

    private final SourceRepository sources;
    private final SourceAddresses addresses;
    private final PollSchedule schedule;

    PollRecorder(SourceRepository sources, SourceAddresses addresses, WartaConfig config) {
        this.sources = sources;
        this.addresses = addresses;
        WartaConfig.Poll poll = config.poll();
        this.schedule = new PollSchedule(poll.minInterval(), poll.maxInterval(), poll.defaultInterval(), poll.maxRetryAfter());
    }

    /**
     * An answer without a document to read: 304, 410, 429/503 or a failure. A 304's slot of the host, when the
     * fetch still holds it, is given back in the transaction that records the answer.
     */
    PollReport answered(ClaimedSource source, UpstreamAnswer answer, Optional<HostSlot> held, Instant now) {
        if (answer instanceof UpstreamAnswer.NotModified notModified) {
            return notModified(source, notModified, held, now);
        }
        if (answer instanceof UpstreamAnswer.Gone) {
            return gone(source, now);
        }
        if (answer instanceof UpstreamAnswer.Throttled throttled) {
            return failed(source, new PollFailure(PollOutcome.THROTTLED, throttled.status(), throttled.message()),
                    throttled.retryAfter(), now);
        }
        if (answer instanceof PollFailure failure) {
            return failed(source, failure, Optional.empty(), now);
        }
        throw new IllegalArgumentException("a document is read and stored before it is recorded: " + answer);
    }

    /**
     * The feed was read; {@code store} stores its items and runs the consumer it is given with what it stored, in
     * its transaction: the fetch is recorded there, one commit for the entries and the source's state.
     * {@code url} is the source's address from now on.
     */
    PollReport fetched(ClaimedSource source, FeedReading.Feed read, String url,
            Function<Consumer<UpstreamResult>, UpstreamResult> store, Instant now) {
        ParsedFeed feed = read.feed();
        UpstreamAnswer.Document document = read.document();
        Duration interval = schedule.adaptive(feed.items().stream().map(ItemDraft::publishedAt).toList(), now);
        Instant next = schedule.afterSuccess(now, interval, document.cacheFloor());
        boolean[] recorded = new boolean[1];
        UpstreamResult stored = store.apply(result -> recorded[0] = sources.markFetched(source.id(), source.lease(),
                new PollResult.Fetched(url, feed.title() != null ? feed.title() : source.title(),
                        feed.siteUrl() != null ? feed.siteUrl() : source.siteUrl(), document.validators().etag(),
                        document.validators().lastModified(), now, document.status(), next, interval,
                        new PollResult.EntryCounts(result.created(), result.updated(), result.unchanged(), result.tooOld()))));
        if (!recorded[0]) {
            lostLease(source);
        }
        if (!url.equals(source.url())) {
            Log.infof("Source %d moved permanently: %s → %s", source.id(), source.url(), url);
        }
        return new PollReport(source.id(), PollOutcome.FETCHED.label(), document.status(), null, stored.created(), stored.updated(),
                stored.unchanged(), stored.tooOld(), url, next);
    }

    /** The document could not be read, or a page led nowhere; also a poll that failed on Warta's side. */
    PollReport failed(ClaimedSource source, PollFailure failure, Instant now) {
        return failed(source, failure, Optional.empty(), now);
    }

    /** The outcome another fetch recorded on the source (maybe in another process), as that fetch reported it. */
    PollReport recorded(SourcePollState state) {
        PollResult.EntryCounts entries = state.lastEntries();
        return new PollReport(state.id(), state.lastOutcome(), state.lastStatus(), state.lastError(), entries.created(),
                entries.updated(), entries.unchanged(), entries.tooOld(), state.url(), state.nextPollAt());
    }

    private PollReport notModified(ClaimedSource source, UpstreamAnswer.NotModified answer, Optional<HostSlot> held,
            Instant now) {
        // The interval learnt from the entries stays: a 304 shows nothing new about how often the source publishes.
        Duration interval = source.pollIntervalSeconds() != null ? Duration.ofSeconds(source.pollIntervalSeconds())
                : schedule.fallback();
        Instant next = schedule.afterSuccess(now, interval, answer.cacheFloor());
        String url = addresses.after(source, answer.movedTo());
        write(source, () -> {
            held.ifPresent(HostSlot::close);
            return sources.markNotModified(source.id(), source.lease(), new PollResult.NotModified(url, now, next,
                    answer.validators().etag(), answer.validators().lastModified()));
        });
        return new PollReport(source.id(), PollOutcome.NOT_MODIFIED.label(), 304, null, 0, 0, 0, url, next);
    }

    private PollReport gone(ClaimedSource source, Instant now) {
        String message = "410 Gone: the upstream removed this feed; Warta no longer polls it";
        write(source, () -> sources.markGone(source.id(), source.lease(), new PollResult.Gone(now, message)));
        Log.warnf("Source %d (%s) is gone (410); polling stops", source.id(), source.url());
        return new PollReport(source.id(), PollOutcome.GONE.label(), 410, message, 0, 0, 0, source.url(), null);
    }

    private PollReport failed(ClaimedSource source, PollFailure failure, Optional<Duration> retryAfter, Instant now) {
        int errors = source.consecutiveErrors() + 1;
        Instant next = schedule.afterError(now, errors, retryAfter);
        String message = failure.message();
        String error = message == null ? failure.outcome().label()
                : message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) + "…" : message;
        write(source, () -> sources.markFailed(source.id(), source.lease(), new PollResult.Failed(now, failure.status(),
                failure.outcome().label(), errors, error, next)));
        Log.warnf("Source %d (%s): %s (%s); next try %s", source.id(), source.url(), failure.outcome().label(), error, next);
        return new PollReport(source.id(), failure.outcome().label(), failure.status(), error, 0, 0, 0, source.url(), next);
    }

    private static void write(ClaimedSource source, Supplier<Boolean> statement) {
        if (!QuarkusTransaction.requiringNew().call(statement::get)) {
            lostLease(source);
        }
    }

    private static void lostLease(ClaimedSource source) {
        Log.warnf("Source %d: lease lost or source deleted while fetching; its state was not updated", source.id());
    }
}
