package dev.warta.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code /feeds/…} and {@code /feeds.opml} on the event loop: a request for an unchanged feed is
 * answered from {@link PublishedFeeds}' bytes with precomputed validators, no thread hop and no database.
 * Only a miss goes to a worker thread to render. Conditional requests (If-None-Match before
 * If-Modified-Since, RFC 9110 §13.2.2), HEAD, gzip, CORS and format negotiation are handled here; errors are
 * {@code application/problem+json} like everywhere else.
 */
@ApplicationScoped
public class FeedRoutes {

    static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    static final CharSequence ACAO = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    static final CharSequence ACEH = HttpHeaders.createOptimized("Access-Control-Expose-Headers");
    static final CharSequence STAR = HttpHeaders.createOptimized("*");
    static final CharSequence EXPOSED = HttpHeaders.createOptimized("ETag, Link, Content-Location");
    static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    static final CharSequence VARY_NEGOTIATED = HttpHeaders.createOptimized("Accept, Accept-Encoding");
    static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    static final java.util.List<String> ALLOWED = java.util.List.of("GET", "HEAD", "OPTIONS");
    static final String ALLOWED_METHODS = String.join(", ", ALLOWED);

    private final PublishedFeeds feeds;
    private final PublicUrl publicUrl;
    private final CharSequence cacheControl;
    private final HttpDate date = new HttpDate();

    FeedRoutes(PublishedFeeds feeds, PublicUrl publicUrl, WartaConfig config) {
        this.feeds = feeds;
        this.publicUrl = publicUrl;
        this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + config.publish().maxAge());
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
                RenderedFeed hit = feeds.cachedOpml(base);
                if (hit != null) {
                    send(ctx, hit, false);
                } else {
                    blocking(ctx, () -> feeds.opml(base), false);
                }
                return;
            }
            if (path.equals(SiteUrls.STYLESHEET)) {
                send(ctx, feeds.stylesheet(), false);
                return;
            }
            FeedTarget target = FeedTarget.parse(path, request::getParam, request.getHeader(HttpHeaders.ACCEPT),
                    publicUrl.base(request), feeds.defaultLimit(), feeds.maxLimit())
                    .orElseThrow(() -> ProblemException.notFound("nothing is published at " + path));
            RenderedFeed hit = feeds.cached(target);
            if (hit != null) {
                send(ctx, hit, target.negotiated());
            } else {
                blocking(ctx, () -> feeds.current(target), target.negotiated());
            }
        } catch (ProblemException e) {
            ctx.fail(e);
        }
    }

    private void blocking(RoutingContext ctx, java.util.concurrent.Callable<RenderedFeed> work, boolean negotiated) {
        ctx.vertx().<RenderedFeed>executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                send(ctx, result.result(), negotiated);
            } else {
                // Problems and faults alike go to the failure handler (web.ProblemRoutes), which picks the status.
                ctx.fail(result.cause());
            }
        });
    }

    private void send(RoutingContext ctx, RenderedFeed feed, boolean negotiated) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        boolean gzip = HttpValidators.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        boolean browser = feed.browserContentType() != null && HttpValidators.wantsHtml(request.getHeader(HttpHeaders.ACCEPT));
        RenderedFeed.Wire wire = feed.wire();
        CharSequence etag = wire.etags()[RenderedFeed.Wire.variant(gzip, browser)];
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.DATE, date.now());
        headers.add(ETAG, etag);
        headers.add(HttpHeaders.LAST_MODIFIED, wire.lastModified());
        headers.add(HttpHeaders.CACHE_CONTROL, cacheControl);
        // The media type follows Accept (browsers get application/xml), and the format too when negotiated.
        headers.add(VARY, feed.browserContentType() != null ? VARY_NEGOTIATED : VARY_ENCODING);
        headers.add(ACAO, STAR);
        headers.add(ACEH, EXPOSED);
        if (wire.links() != null) {
            headers.add(LINK, wire.links());
        }
        if (negotiated && wire.selfUrl() != null) {
            headers.add(HttpHeaders.CONTENT_LOCATION, wire.selfUrl());
        }
        if (HttpValidators.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), etag.toString(), feed.lastModified().getEpochSecond())) {
            response.setStatusCode(304).end();
            return;
        }
        Buffer body = gzip ? feed.gzip() : feed.plain();
        headers.add(HttpHeaders.CONTENT_TYPE, browser ? wire.browserContentType() : wire.contentType());
        headers.add(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        if (gzip) {
            headers.add(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        if (request.method() == HttpMethod.HEAD) {
            headers.add(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            response.end();
        } else {
            response.end(body);
        }
    }

    /** CORS preflight: any origin may read the feeds (they are public and carry no credentials). */
    private void preflight(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader(ACAO, STAR)
                .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .putHeader("Access-Control-Max-Age", "86400")
                .putHeader("Allow", ALLOWED_METHODS)
                .putHeader(HttpHeaders.DATE, date.now());
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null && !requested.isBlank()) {
            response.putHeader("Access-Control-Allow-Headers", requested);
        }
        response.setStatusCode(204).end();
    }

    /** The {@code Date} header, formatted once a second rather than per response. */
    static final class HttpDate {
        private volatile long second = -1;
        private volatile CharSequence value;

        CharSequence now() {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                value = HttpHeaders.createOptimized(HttpValidators.formatDate(java.time.Instant.ofEpochSecond(now)));
                second = now;
            }
            return value;
        }
    }
}
