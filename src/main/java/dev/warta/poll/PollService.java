package dev.warta.poll;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.WartaConfig;
import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HttpFetcher;
import dev.warta.ingest.ItemDraft;
import dev.warta.ingest.UpstreamBatch;
import dev.warta.ingest.UpstreamIngest;
import dev.warta.ingest.UpstreamResult;
import dev.warta.source.SourceUrls;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Fetches one claimed source and records what happened: a conditional GET through {@link HttpFetcher}, the
 * body read by {@link FeedParser} (an HTML page leads through autodiscovery to its feed), the items stored by
 * {@link UpstreamIngest}, then the source's state, validators and next poll time, and the lease released.
 * A 304 reads nothing and stores nothing: only the source's own poll bookkeeping is written.
 */
@ApplicationScoped
public class PollService {

    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1";
    private static final int MAX_ERROR = 500;

    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final UpstreamIngest ingest;
    private final PollClock clock;
    private final PollMetrics metrics;
    private final EntityManager em;
    private final PollSchedule schedule;
    private final UpstreamBatch.Retention defaultRetention;

    PollService(HttpFetcher fetcher, UpstreamIngest ingest, PollClock clock, PollMetrics metrics, EntityManager em,
            WartaConfig config) {
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.clock = clock;
        this.metrics = metrics;
        this.em = em;
        WartaConfig.Poll poll = config.poll();
        this.schedule = new PollSchedule(poll.minInterval(), poll.maxInterval(), poll.defaultInterval(), poll.maxRetryAfter());
        this.defaultRetention = new UpstreamBatch.Retention(poll.retentionMaxEntries(), poll.retentionMaxAge());
    }

    public PollSchedule schedule() {
        return schedule;
    }

    /** Fetches the source and records the result; never throws for an upstream's fault. */
    public PollReport poll(ClaimedSource source) {
        long started = System.nanoTime();
        Instant now = clock.now();
        PollReport report;
        try {
            report = fetchAndStore(source, now);
        } catch (RuntimeException e) {
            // A bug or a database failure, not the upstream's doing: the source backs off like after an error.
            Log.errorf(e, "Polling source %d (%s) failed", source.id(), source.url());
            try {
                report = recordError(source, now, PollOutcome.HTTP_ERROR, null, "internal error while polling: "
                        + e.getClass().getSimpleName(), Optional.empty());
            } catch (RuntimeException again) {
                // The database is unreachable: the lease expires and another poll tries again.
                Log.errorf(again, "Recording the failure of source %d failed too", source.id());
                report = new PollReport(source.id(), PollOutcome.HTTP_ERROR.label(), null, "internal error", 0, 0, 0,
                        source.url(), null);
            }
        }
        metrics.fetched(report, System.nanoTime() - started);
        return report;
    }

    private PollReport fetchAndStore(ClaimedSource source, Instant now) {
        URI url = URI.create(source.url());
        FetchResult result;
        try {
            result = fetcher.fetch(FetchRequest.get(url)
                    .withHeader("Accept", ACCEPT)
                    .withHeader("If-None-Match", source.etag())
                    .withHeader("If-Modified-Since", source.lastModified()));
        } catch (FetchException e) {
            return recordError(source, now, outcomeOf(e), null, e.getMessage(), Optional.empty());
        }
        int status = result.status();
        if (status == 304) {
            return recordNotModified(source, now, result);
        }
        if (status == 410) {
            return recordGone(source, now);
        }
        if (status == 429 || status == 503) {
            Optional<Duration> retryAfter = PollSchedule.retryAfter(result.header("retry-after"), now);
            String message = status + (status == 429 ? " Too Many Requests" : " Service Unavailable")
                    + retryAfter.map(d -> "; Retry-After asks for " + d.toSeconds() + " s").orElse("");
            return recordError(source, now, PollOutcome.THROTTLED, status, message, retryAfter);
        }
        if (!result.successful()) {
            return recordError(source, now, PollOutcome.HTTP_ERROR, status, "the upstream answered HTTP " + status,
                    Optional.empty());
        }

        ParsedFeed feed;
        FetchResult answer = result;
        try {
            metrics.documentRead();
            feed = parser.parse(result.body(), result.charset(), result.mediaType(), result.url(), now);
        } catch (FeedReadException e) {
            if (e.reason() != FeedReadException.Reason.HTML_PAGE || e.alternates().isEmpty()) {
                return recordError(source, now, PollOutcome.INVALID_FEED, status, e.getMessage(), Optional.empty());
            }
            // Autodiscovery: the page names its feed; that address becomes the source's.
            URI discovered = e.alternates().get(0);
            Optional<Long> other = sourceWithUrl(SourceUrls.normalizeValid(discovered), source.id());
            if (other.isPresent()) {
                return recordError(source, now, PollOutcome.INVALID_FEED, status, "the page advertises " + discovered
                        + ", which is already source " + other.get(), Optional.empty());
            }
            try {
                answer = fetcher.fetch(FetchRequest.get(discovered).withHeader("Accept", ACCEPT));
            } catch (FetchException fe) {
                return recordError(source, now, outcomeOf(fe), null, "the page advertises " + discovered + ": " + fe.getMessage(),
                        Optional.empty());
            }
            if (!answer.successful()) {
                return recordError(source, now, PollOutcome.HTTP_ERROR, answer.status(), "the page advertises " + discovered
                        + ", which answered HTTP " + answer.status(), Optional.empty());
            }
            try {
                metrics.documentRead();
                feed = parser.parse(answer.body(), answer.charset(), answer.mediaType(), answer.url(), now);
            } catch (FeedReadException again) {
                return recordError(source, now, PollOutcome.INVALID_FEED, answer.status(), "the page advertises " + discovered
                        + ", which is not a feed either: " + again.getMessage(), Optional.empty());
            }
            Log.infof("Source %d: %s is a page; its feed is %s", source.id(), source.url(), discovered);
            answer = new FetchResult(answer.url(), answer.status(), answer.headers(), answer.body(),
                    List.of(new FetchResult.Redirect(301, url, discovered)));
        }
        FetchResult read = answer;

        String movedTo = read.permanentlyMovedTo().map(SourceUrls::normalizeValid).orElse(source.url());
        // When another source already follows the new address, this one keeps its own.
        String feedUrl = !movedTo.equals(source.url()) && sourceWithUrl(movedTo, source.id()).isPresent() ? source.url() : movedTo;
        String title = feed.title() != null ? feed.title() : source.title();
        String shownTitle = source.customTitle() != null ? source.customTitle() : title != null ? title : feedUrl;
        String siteUrl = feed.siteUrl() != null ? feed.siteUrl() : source.siteUrl();
        UpstreamBatch.Retention retention = new UpstreamBatch.Retention(
                source.retentionMaxEntries() != null ? source.retentionMaxEntries() : defaultRetention.maxEntries(),
                source.retentionMaxAgeDays() != null ? Duration.ofDays(source.retentionMaxAgeDays()) : defaultRetention.maxAge());
        UpstreamResult stored = ingest.ingest(new UpstreamBatch(source.id(), shownTitle, feedUrl, siteUrl, source.topicIds(),
                feed.items(), retention, now));

        Duration interval = schedule.adaptive(feed.items().stream().map(ItemDraft::publishedAt).toList(), now);
        Instant next = schedule.afterSuccess(now, interval, cacheFloor(read, now));
        // Byte for byte as sent, for the next conditional GET (of the discovered feed, when there was one).
        String etag = read.header("etag").orElse(null);
        String lastModified = read.header("last-modified").orElse(null);
        boolean written = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update source set url = ?2, title = ?3, site_url = ?4, etag = ?5, last_modified = ?6,
                       last_fetched_at = ?7, last_success_at = ?7, last_status = ?8, last_outcome = 'fetched',
                       consecutive_errors = 0, last_error = null, poll_interval_seconds = ?10,
                       state = case when state = 'paused' then 'paused' else 'active' end,
                       next_poll_at = case when state = 'paused' then null else cast(?9 as timestamptz) end,
                       lease_until = null, lease_owner = null
                where id = ?1 and lease_owner = ?11""")
                .setParameter(1, source.id())
                .setParameter(2, feedUrl)
                .setParameter(3, title)
                .setParameter(4, siteUrl)
                .setParameter(5, etag)
                .setParameter(6, lastModified)
                .setParameter(7, now)
                .setParameter(8, read.status())
                .setParameter(9, next)
                .setParameter(10, (int) interval.toSeconds())
                .setParameter(11, source.lease())
                .executeUpdate() == 1);
        if (!written) {
            Log.warnf("Source %d: lease lost or source deleted while fetching; its state was not updated", source.id());
        }
        if (!feedUrl.equals(source.url())) {
            Log.infof("Source %d moved permanently: %s → %s", source.id(), source.url(), feedUrl);
        }
        return new PollReport(source.id(), PollOutcome.FETCHED.label(), read.status(), null, stored.created(), stored.updated(),
                stored.unchanged(), stored.tooOld(), feedUrl, next);
    }

    private PollReport recordNotModified(ClaimedSource source, Instant now, FetchResult result) {
        Duration interval = source.pollIntervalSeconds() != null ? Duration.ofSeconds(source.pollIntervalSeconds())
                : schedule.fallback();
        Instant next = schedule.afterSuccess(now, interval, cacheFloor(result, now));
        String url = result.permanentlyMovedTo().map(SourceUrls::normalizeValid)
                .filter(u -> sourceWithUrl(u, source.id()).isEmpty()).orElse(source.url());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update source set url = ?2, last_fetched_at = ?3, last_success_at = ?3, last_status = 304,
                       last_outcome = 'not-modified', consecutive_errors = 0, last_error = null,
                       state = case when state = 'paused' then 'paused' else 'active' end,
                       next_poll_at = case when state = 'paused' then null else cast(?4 as timestamptz) end,
                       etag = coalesce(?5, etag), last_modified = coalesce(?6, last_modified),
                       lease_until = null, lease_owner = null
                where id = ?1 and lease_owner = ?7""")
                .setParameter(1, source.id())
                .setParameter(2, url)
                .setParameter(3, now)
                .setParameter(4, next)
                .setParameter(5, result.header("etag").orElse(null))
                .setParameter(6, result.header("last-modified").orElse(null))
                .setParameter(7, source.lease())
                .executeUpdate());
        return new PollReport(source.id(), PollOutcome.NOT_MODIFIED.label(), 304, null, 0, 0, 0, url, next);
    }

    private PollReport recordGone(ClaimedSource source, Instant now) {
        String message = "410 Gone: the upstream removed this feed; Warta no longer polls it";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update source set state = 'gone', last_fetched_at = ?2, last_status = 410, last_outcome = 'gone',
                       consecutive_errors = consecutive_errors + 1, last_error = ?3, next_poll_at = null,
                       lease_until = null, lease_owner = null
                where id = ?1 and lease_owner = ?4""")
                .setParameter(1, source.id())
                .setParameter(2, now)
                .setParameter(3, message)
                .setParameter(4, source.lease())
                .executeUpdate());
        Log.warnf("Source %d (%s) is gone (410); polling stops", source.id(), source.url());
        return new PollReport(source.id(), PollOutcome.GONE.label(), 410, message, 0, 0, 0, source.url(), null);
    }

    private PollReport recordError(ClaimedSource source, Instant now, PollOutcome outcome, Integer status, String message,
            Optional<Duration> retryAfter) {
        int errors = source.consecutiveErrors() + 1;
        Instant next = schedule.afterError(now, errors, retryAfter);
        String error = message == null ? outcome.label() : message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) + "…" : message;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update source set state = case when state = 'paused' then 'paused' else 'failing' end,
                       last_fetched_at = ?2, last_status = cast(?3 as integer), last_outcome = ?4, consecutive_errors = ?5,
                       last_error = ?6, next_poll_at = case when state = 'paused' then null else cast(?7 as timestamptz) end,
                       lease_until = null, lease_owner = null
                where id = ?1 and lease_owner = ?8""")
                .setParameter(1, source.id())
                .setParameter(2, now)
                .setParameter(3, status)
                .setParameter(4, outcome.label())
                .setParameter(5, errors)
                .setParameter(6, error)
                .setParameter(7, next)
                .setParameter(8, source.lease())
                .executeUpdate());
        Log.warnf("Source %d (%s): %s (%s); next try %s", source.id(), source.url(), outcome.label(), error, next);
        return new PollReport(source.id(), outcome.label(), status, error, 0, 0, 0, source.url(), next);
    }

    private Optional<Long> sourceWithUrl(String url, long except) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id from source where url = ?1 and id <> ?2")
                .setParameter(1, url).setParameter(2, except).getResultList().stream()
                .findFirst().map(o -> ((Number) o).longValue()));
    }

    private static Optional<Duration> cacheFloor(FetchResult result, Instant now) {
        return PollSchedule.cacheFloor(result.header("cache-control"), result.header("expires"), result.header("date"), now);
    }

    static PollOutcome outcomeOf(FetchException e) {
        return switch (e.reason()) {
            case REFUSED_ADDRESS -> PollOutcome.REFUSED;
            case TIMEOUT -> PollOutcome.TIMEOUT;
            case TOO_LARGE -> PollOutcome.TOO_LARGE;
            case REDIRECTS -> PollOutcome.REDIRECTS;
            case UNKNOWN_HOST, CONNECTION -> PollOutcome.CONNECTION;
            case INVALID -> PollOutcome.INVALID_FEED;
        };
    }
}
