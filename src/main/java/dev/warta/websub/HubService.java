package dev.warta.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HttpFetcher;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Subscription requests after they were accepted (202): verification of intent (W3C WebSub §5.3), then
 * storing or removing the subscription. Nothing changes until the subscriber has echoed the challenge, so
 * nobody can subscribe or unsubscribe a callback they do not control.
 */
@ApplicationScoped
public class HubService {

    /** A subscribe or unsubscribe request that passed validation. */
    public record Intent(boolean subscribe, URI callback, String topic, String feedKey, String secret, int leaseSeconds) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpFetcher fetcher;
    private final SubscriptionRepository subscriptions;
    private final HubWorkers workers;
    private final HubClock clock;
    private final WartaConfig config;

    HubService(HttpFetcher fetcher, SubscriptionRepository subscriptions, HubWorkers workers, HubClock clock,
            WartaConfig config) {
        this.fetcher = fetcher;
        this.subscriptions = subscriptions;
        this.workers = workers;
        this.clock = clock;
        this.config = config;
    }

    /** The lease granted for a requested one (null: none requested), within the configured bounds. */
    public int lease(Long requestedSeconds) {
        long min = config.websub().minLease().toSeconds();
        long max = config.websub().maxLease().toSeconds();
        long wanted = requestedSeconds == null ? config.websub().defaultLease().toSeconds() : requestedSeconds;
        return (int) Math.max(min, Math.min(max, Math.min(wanted, Integer.MAX_VALUE)));
    }

    /** Verifies the intent in the background. */
    public void accept(Intent intent) {
        workers.submit("verification of " + intent.callback(), () -> verify(intent));
    }

    void verify(Intent intent) {
        String mode = intent.subscribe() ? "subscribe" : "unsubscribe";
        String challenge = challenge();
        StringBuilder query = new StringBuilder()
                .append("hub.mode=").append(mode)
                .append("&hub.topic=").append(encode(intent.topic()))
                .append("&hub.challenge=").append(challenge);
        if (intent.subscribe()) {
            query.append("&hub.lease_seconds=").append(intent.leaseSeconds());
        }
        String callback = intent.callback().toString();
        URI url = URI.create(callback + (intent.callback().getRawQuery() == null ? "?" : "&") + query);
        try {
            FetchResult answer = fetcher.fetch(FetchRequest.get(url).withFollowRedirects(false).withMaxBytes(8192));
            String body = new String(answer.body(), StandardCharsets.UTF_8).strip();
            if (!answer.successful() || !body.equals(challenge)) {
                Log.infof("WebSub %s of %s to %s not verified: the callback answered %d without the challenge", mode,
                        callback, intent.topic(), answer.status());
                return;
            }
        } catch (FetchException e) {
            Log.infof("WebSub %s of %s to %s not verified: %s", mode, callback, intent.topic(), e.getMessage());
            return;
        }
        Instant now = clock.now();
        if (intent.subscribe()) {
            QuarkusTransaction.requiringNew().run(() -> subscriptions.upsertVerified(callback, intent.topic(), intent.feedKey(),
                    intent.secret(), intent.leaseSeconds(), now));
            Log.infof("WebSub: %s subscribed to %s for %d s", callback, intent.topic(), intent.leaseSeconds());
        } else {
            long removed = QuarkusTransaction.requiringNew().call(() -> subscriptions.deleteSubscription(callback, intent.topic()));
            Log.infof("WebSub: %s unsubscribed from %s (%d removed)", callback, intent.topic(), removed);
        }
    }

    private static String challenge() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
