package dev.warta.websub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HttpFetcher;
import dev.warta.topic.FeedsChanged;
import dev.warta.publish.FeedTarget;
import dev.warta.publish.PublishedFeeds;
import dev.warta.publish.RenderedDocument;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Pushes changed feeds to their subscribers (content distribution, W3C WebSub §7). The state lives in
 * {@code websub_subscription}: a subscription is due when its feed's version passed the one it was last
 * sent. A sweep claims due subscriptions with {@code for update skip locked} and a hold time, so any number
 * of Warta processes share the work and a crash loses nothing: the claim runs out and another sweep takes
 * it. A change starts a sweep at once; a timer sweeps for retries and expired leases.
 *
 * <p>A failed delivery is retried with doubling waits ({@code retry-initial} up to {@code retry-max}) for
 * {@code retry-for}; then that content is given up for the subscriber and the next change starts afresh.
 * A 410 Gone from the callback ends the subscription.
 */
@ApplicationScoped
public class HubDeliverer {

    static final int BATCH = 50;
    /** How long changes gather before the sweep they start: deliveries wait that much longer, sweeps are far fewer. */
    static final long SWEEP_AFTER_CHANGE_MILLIS = 50;

    private final SubscriptionRepository subscriptions;
    private final PublishedFeeds feeds;
    private final HttpFetcher fetcher;
    private final HubWorkers workers;
    private final HubClock clock;
    private final WartaConfig.Websub config;
    private final Duration hold;
    private final AtomicLong sweeps = new AtomicLong();
    /** A sweep is queued and has not begun: it will read every change committed before it begins. */
    private final AtomicBoolean sweepQueued = new AtomicBoolean();

    HubDeliverer(SubscriptionRepository subscriptions, PublishedFeeds feeds, HttpFetcher fetcher, HubWorkers workers,
            HubClock clock, WartaConfig config) {
        this.subscriptions = subscriptions;
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.workers = workers;
        this.clock = clock;
        this.config = config.websub();
        // Longer than any delivery can take, so a claim is never taken over while its request runs.
        this.hold = config.fetch().totalDeadline().plusSeconds(30);
    }

    void start(@Observes StartupEvent event) {
        workers.every(config.sweepInterval().toMillis(), this::sweep);
    }

    /**
     * A change starts a sweep {@value #SWEEP_AFTER_CHANGE_MILLIS} ms later, unless one is queued already: that one
     * begins after this commit, so it sees the change too. Polling commits many changes a second; a sweep at once
     * for each cost two transactions per fetch.
     */
    void onFeedsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedsChanged event) {
        if (sweepQueued.compareAndSet(false, true)) {
            workers.after(SWEEP_AFTER_CHANGE_MILLIS, "sweep", () -> {
                sweepQueued.set(false);
                sweep();
            });
        }
    }

    /** Sweeps started so far (tests wait for one to pass). */
    public long sweeps() {
        return sweeps.get();
    }

    void sweep() {
        try {
            Instant now = clock.now();
            int[] expired = new int[1];
            List<SubscriptionRepository.Due> due = QuarkusTransaction.requiringNew().call(() -> {
                expired[0] = subscriptions.deleteExpired(now);
                return subscriptions.claimDue(now, hold, BATCH);
            });
            if (expired[0] > 0) {
                Log.infof("WebSub: dropped %d subscription(s) whose lease ran out", expired[0]);
            }
            for (SubscriptionRepository.Due d : due) {
                workers.submit("delivery to " + d.callback(), () -> deliver(d));
            }
            if (due.size() == BATCH) {
                workers.submit("sweep", this::sweep);
            }
        } finally {
            sweeps.incrementAndGet();
        }
    }

    void deliver(SubscriptionRepository.Due due) {
        RenderedDocument feed;
        // Subscriptions are stored only for Warta's own feed addresses (HubService), so the base is always there.
        String base = SiteUrls.baseOfFeed(due.topic()).orElseThrow();
        try {
            FeedTarget target = FeedTarget.fromUrl(URI.create(due.topic()), base, feeds.defaultLimit(), feeds.maxLimit())
                    .orElseThrow();
            feed = feeds.current(target);
        } catch (ProblemException e) {
            Log.infof("WebSub: %s is gone (%s); ending the subscription of %s", due.topic(), e.getMessage(), due.callback());
            QuarkusTransaction.requiringNew().run(() -> subscriptions.deleteById(due.id()));
            return;
        }
        FetchRequest request = FetchRequest.post(URI.create(due.callback()), feed.contentType(), feed.bytes())
                .withHeader("Link", "<" + SiteUrls.at(base).hub() + ">; rel=\"hub\", <" + due.topic() + ">; rel=\"self\"")
                .withHeader("X-Hub-Signature", due.secret() == null ? null : "sha256=" + sign(due.secret(), feed.bytes()))
                .withMaxBytes(64 * 1024);
        String error;
        try {
            FetchResult answer = fetcher.fetch(request);
            if (answer.successful()) {
                long version = Math.max(due.version(), feed.version());
                QuarkusTransaction.requiringNew().run(() -> subscriptions.delivered(due.id(), version));
                Log.debugf("WebSub: delivered %s to %s", due.topic(), due.callback());
                return;
            }
            if (answer.status() == 410) {
                Log.infof("WebSub: %s answered 410 Gone; ending its subscription to %s", due.callback(), due.topic());
                QuarkusTransaction.requiringNew().run(() -> subscriptions.deleteById(due.id()));
                return;
            }
            error = "HTTP " + answer.status();
        } catch (FetchException e) {
            error = e.reason() + ": " + e.getMessage();
        }
        failed(due, error);
    }

    private void failed(SubscriptionRepository.Due due, String error) {
        Instant now = clock.now();
        Instant since = due.failingSince() != null ? due.failingSince() : now;
        int attempts = due.attempts() + 1;
        if (Duration.between(since, now).compareTo(config.retryFor()) >= 0) {
            Log.warnf("WebSub: giving up delivering %s to %s after %d attempts since %s (%s)", due.topic(), due.callback(),
                    attempts, since, error);
            QuarkusTransaction.requiringNew().run(() -> subscriptions.gaveUp(due.id(), due.version(),
                    "gave up after " + attempts + " attempts: " + error));
            return;
        }
        Instant next = now.plus(backoff(attempts, config.retryInitial(), config.retryMax()));
        Log.infof("WebSub: delivering %s to %s failed (%s); attempt %d, retrying at %s", due.topic(), due.callback(), error,
                attempts, next);
        QuarkusTransaction.requiringNew().run(() -> subscriptions.failed(due.id(), attempts, since, next, error));
    }

    /** {@code initial · 2^(attempts-1)}, at most {@code max}. */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** HMAC-SHA256 of the body with the subscriber's secret, hex: the {@code X-Hub-Signature} value after {@code sha256=}. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
