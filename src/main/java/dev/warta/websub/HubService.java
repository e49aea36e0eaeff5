package dev.warta.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.FeedFormat;
import dev.warta.FeedKey;
import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.fetch.AddressGuard;
import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HttpFetcher;
import dev.warta.fetch.RefusedAddressException;
import dev.warta.publish.FeedTarget;
import dev.warta.publish.PublishedFeeds;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Subscription requests after they were accepted (202): verification of intent (W3C WebSub §5.3), then
 * storing or removing the subscription. Nothing changes until the subscriber has echoed the challenge, so
 * nobody can subscribe or unsubscribe a callback they do not control.
 */
@ApplicationScoped
public class HubService {

    /** A subscribe or unsubscribe request whose fields are well-formed; {@code leaseSeconds} null when none was asked. */
    public record Request(boolean subscribe, URI callback, String topic, String secret, Long leaseSeconds) {
    }

    /** A request that can succeed: its topic is one of this hub's feeds, its callback an address Warta may reach. */
    record Intent(boolean subscribe, URI callback, String topic, FeedKey feedKey, String secret, int leaseSeconds) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpFetcher fetcher;
    private final AddressGuard guard;
    private final PublishedFeeds feeds;
    private final SubscriptionRepository subscriptions;
    private final HubWorkers workers;
    private final HubClock clock;
    private final WartaConfig config;

    HubService(HttpFetcher fetcher, AddressGuard guard, PublishedFeeds feeds, SubscriptionRepository subscriptions,
            HubWorkers workers, HubClock clock, WartaConfig config) {
        this.fetcher = fetcher;
        this.guard = guard;
        this.feeds = feeds;
        this.subscriptions = subscriptions;
        this.workers = workers;
        this.clock = clock;
        this.config = config;
    }

    /** The lease granted for a requested one (null: none requested), within the configured bounds. */
    int lease(Long requestedSeconds) {
        long min = config.websub().minLease().toSeconds();
        long max = config.websub().maxLease().toSeconds();
        long wanted = requestedSeconds == null ? config.websub().defaultLease().toSeconds() : requestedSeconds;
        return (int) Math.max(min, Math.min(max, Math.min(wanted, Integer.MAX_VALUE)));
    }

    /**
     * Checks that the request can succeed and verifies its intent in the background.
     *
     * @param base the base URL of this hub's feeds, as the request reached it
     * @throws ProblemException invalid (with the {@code field} at fault) when the topic is none of this hub's feeds
     *                          or the callback's address is refused or does not resolve
     */
    public void accept(Request request, String base) {
        Intent intent = new Intent(request.subscribe(), checked(request.callback()), request.topic(),
                feedKey(request.topic(), base), request.secret(), lease(request.leaseSeconds()));
        workers.submit("verification of " + intent.callback(), () -> verify(intent));
    }

    static ProblemException invalid(String field, String detail) {
        return ProblemException.invalid("invalid-subscription", detail).with("field", field);
    }

    /** The feed a {@code hub.topic} names: the first page of one of this hub's feeds (searches are not pushed). */
    private FeedKey feedKey(String topic, String base) {
        URI url;
        try {
            url = new URI(topic);
        } catch (URISyntaxException e) {
            throw invalid("hub.topic", "hub.topic is not a URL");
        }
        FeedTarget target = FeedTarget.fromUrl(url, base, feeds.defaultLimit(), feeds.maxLimit())
                .filter(t -> t.page().isFirst() && !t.isSearch())
                .orElseThrow(() -> invalid("hub.topic", "hub.topic must be the first page of a feed of this hub, e.g. "
                        + SiteUrls.at(base).feed(null, FeedFormat.ATOM)));
        try {
            return feeds.feedKey(target);
        } catch (ProblemException e) {
            throw invalid("hub.topic", e.getMessage());
        }
    }

    /** The callback when its host resolves only to addresses Warta may connect to. */
    private URI checked(URI callback) {
        try {
            // Checked again, on the connected addresses, by every request the hub makes to it.
            guard.resolve(callback.getHost());
        } catch (RefusedAddressException e) {
            throw ProblemException.invalid("refused-address",
                    "the hub does not connect to this callback: " + e.getMessage()).with("field", "hub.callback");
        } catch (UnknownHostException e) {
            throw invalid("hub.callback", "the callback's host " + callback.getHost() + " does not resolve");
        }
        return callback;
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
