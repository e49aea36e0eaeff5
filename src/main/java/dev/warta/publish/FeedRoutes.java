package dev.warta.publish;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code /feeds/…} and {@code /feeds.opml} on the event loop: a request for an unchanged feed is
 * answered from {@link PublishedFeeds}' bytes with precomputed validators, no thread hop and no database.
 * Only a miss goes to a worker thread to render. {@link DocumentSender} handles conditional requests, HEAD and gzip;
 * CORS and format negotiation are handled here; errors are {@code application/problem+json} like everywhere else.
 */
@ApplicationScoped
public class FeedRoutes {

    static final List<String> ALLOWED = List.of("GET", "HEAD", "OPTIONS");
    static final String ALLOWED_METHODS = String.join(", ", ALLOWED);

    private final PublishedFeeds feeds;
    private final DocumentSender sender;
    private final PublicUrl publicUrl;
    private final DocumentSender.Rules rules;

    FeedRoutes(PublishedFeeds feeds, DocumentSender sender, PublicUrl publicUrl, WartaConfig config) {
        this.feeds = feeds;
        this.sender = sender;
        this.publicUrl = publicUrl;
        // Feeds are public and carry no credentials: any origin may read them, validators and links included.
        this.rules = DocumentSender.Rules.of("public, max-age=" + config.publish().maxAge(),
                "Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "ETag, Link, Content-Location").varyingByAccept();
    }

    void register(@Observes Router router, io.vertx.core.Vertx vertx) {
        Log.infof("Feeds are served from the event loop (%s transport)", vertx.isNativeTransportEnabled() ? "native" : "NIO");
        router.route(SiteUrls.FEEDS + "*").order(-100).handler(this::handle);
        router.route(SiteUrls.OPML).order(-100).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            preflight(request);
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.fail(ProblemException.notAllowed("this address does not accept " + method.name() + "; use GET or HEAD",
                    ALLOWED));
            return;
        }
        String path = request.path();
        try {
            if (path.equals(SiteUrls.OPML)) {
                String base = publicUrl.base(request);
                RenderedDocument hit = feeds.cachedOpml(base);
                if (hit != null) {
                    sender.send(ctx, hit, rules, false);
                } else {
                    sender.blocking(ctx, () -> feeds.opml(base), rules, false);
                }
                return;
            }
            if (path.equals(SiteUrls.STYLESHEET)) {
                sender.send(ctx, feeds.stylesheet(), rules, false);
                return;
            }
            FeedTarget target = FeedTarget.parse(path, DocumentSender.params(request), request.getHeader(HttpHeaders.ACCEPT),
                    publicUrl.base(request), feeds.defaultLimit(), feeds.maxLimit())
                    .orElseThrow(() -> ProblemException.notFound("nothing is published at " + path));
            RenderedDocument hit = feeds.cached(target);
            if (hit != null) {
                sender.send(ctx, hit, rules, target.negotiated());
            } else {
                sender.blocking(ctx, () -> feeds.current(target), rules, target.negotiated());
            }
        } catch (ProblemException e) {
            ctx.fail(e);
        }
    }

    /** CORS preflight: any origin may read the feeds (they are public and carry no credentials). */
    private void preflight(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .putHeader("Access-Control-Max-Age", "86400")
                .putHeader("Allow", ALLOWED_METHODS)
                .putHeader(HttpHeaders.DATE, sender.date());
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null && !requested.isBlank()) {
            response.putHeader("Access-Control-Allow-Headers", requested);
        }
        response.setStatusCode(204).end();
    }
}
