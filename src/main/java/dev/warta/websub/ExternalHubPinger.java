package dev.warta.websub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import dev.warta.WartaConfig;
import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HttpFetcher;
import dev.warta.topic.FeedsChanged;
import dev.warta.publish.PublishedFeeds;
import io.quarkus.logging.Log;

/**
 * Tells an external hub ({@code warta.websub.external-hub}) which feeds changed, with the de facto publish
 * ping ({@code hub.mode=publish}, one {@code hub.url} per feed). Best effort: a failed ping is logged, the
 * external hub also polls. Needs {@code warta.public-url}: the hub must be told addresses it can fetch.
 */
@ApplicationScoped
public class ExternalHubPinger {

    private final HttpFetcher fetcher;
    private final PublishedFeeds feeds;
    private final HubWorkers workers;
    private final WartaConfig config;

    ExternalHubPinger(HttpFetcher fetcher, PublishedFeeds feeds, HubWorkers workers, WartaConfig config) {
        this.fetcher = fetcher;
        this.feeds = feeds;
        this.workers = workers;
        this.config = config;
    }

    void onFeedsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedsChanged event) {
        if (config.websub().externalHub().isEmpty()) {
            return;
        }
        if (config.publicUrl().isEmpty()) {
            Log.warn("warta.websub.external-hub is set but warta.public-url is not: the external hub is not pinged");
            return;
        }
        workers.submit("ping of the external hub", () -> ping(event));
    }

    void ping(FeedsChanged event) {
        URI hub = config.websub().externalHub().orElseThrow();
        String base = config.publicUrl().orElseThrow().toString().replaceAll("/+$", "");
        List<String> urls = feeds.feedUrls(event.topicIds(), base);
        StringBuilder form = new StringBuilder("hub.mode=publish");
        urls.forEach(u -> form.append("&hub.url=").append(HubService.encode(u)));
        try {
            FetchResult answer = fetcher.fetch(FetchRequest.post(hub, "application/x-www-form-urlencoded",
                    form.toString().getBytes(StandardCharsets.UTF_8)).withMaxBytes(64 * 1024));
            if (answer.successful()) {
                Log.debugf("Pinged %s about %d feed addresses", hub, urls.size());
            } else {
                Log.warnf("The external hub %s answered %d to a publish ping", hub, answer.status());
            }
        } catch (FetchException e) {
            Log.warnf("Could not ping the external hub %s: %s", hub, e.getMessage());
        }
    }
}
