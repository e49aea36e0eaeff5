package dev.warta.publish;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request with a {@link RenderedDocument} on the event loop, for feeds and pages alike: validators
 * (If-None-Match before If-Modified-Since, RFC 9110 §13.2.2) and 304, HEAD, gzip, {@code Vary}, {@code Cache-Control},
 * and the headers of the document's kind ({@link Rules}). Every value is precomputed; an answer only copies them.
 */
@ApplicationScoped
public class DocumentSender {

    static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    static final CharSequence VARY_NEGOTIATED = HttpHeaders.createOptimized("Accept, Accept-Encoding");
    static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");

    /** How a kind of document is sent: how long caches may keep it, and the headers every answer of it carries. */
    public record Rules(CharSequence cacheControl, CharSequence[] names, CharSequence[] values, boolean variesByAccept) {

        /** {@code headers}: name, value, name, value, ... */
        public static Rules of(String cacheControl, String... headers) {
            CharSequence[] names = new CharSequence[headers.length / 2];
            CharSequence[] values = new CharSequence[headers.length / 2];
            for (int i = 0; i < names.length; i++) {
                names[i] = HttpHeaders.createOptimized(headers[2 * i]);
                values[i] = HttpHeaders.createOptimized(headers[2 * i + 1]);
            }
            return new Rules(HttpHeaders.createOptimized(cacheControl), names, values, false);
        }

        /**
         * The same rules for an address whose answer {@code Accept} picks (a feed URL answers a browser with a page):
         * every answer says {@code Vary: Accept}, so that no cache gives a reader the page or a browser the feed.
         */
        public Rules varyingByAccept() {
            return new Rules(cacheControl, names, values, true);
        }
    }

    private final HttpDate date = new HttpDate();
    private final Counter full;
    private final Counter notModified;

    /**
     * Feeds and pages are left out of Micrometer's per-request HTTP timer ({@code quarkus.micrometer.binder.http-server
     * .ignore-patterns}): the binder was in 7% of the event loop's Java samples under wrk (JFR), 5% with this. These two
     * counters say instead how many documents were sent whole and how many polls were answered 304.
     */
    DocumentSender(MeterRegistry metrics) {
        this.full = sent(metrics, "full");
        this.notModified = sent(metrics, "not-modified");
    }

    private static Counter sent(MeterRegistry metrics, String answer) {
        return Counter.builder("warta.documents.sent").tag("answer", answer)
                .description("Feeds and pages answered: whole (200, HEAD) or not modified (304)").register(metrics);
    }

    /**
     * The request's query parameters by name; without a query string, a lookup that decodes nothing (Vert.x would
     * build the request's parameter map on the first {@code getParam}, for every poll of a feed or page).
     */
    public static Function<String, String> params(HttpServerRequest request) {
        return request.query() == null ? NO_PARAMS : request::getParam;
    }

    private static final Function<String, String> NO_PARAMS = name -> null;

    /** The {@code Date} header's value now. */
    public CharSequence date() {
        return date.now();
    }

    /** Renders on a worker thread, then answers on the event loop; failures go to the route's failure handler. */
    public void blocking(RoutingContext ctx, Callable<RenderedDocument> work, Rules rules, boolean negotiated) {
        ctx.vertx().<RenderedDocument>executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                send(ctx, result.result(), rules, negotiated);
            } else {
                // Problems and faults alike go to the failure handler (web.ProblemRoutes), which picks the status.
                ctx.fail(result.cause());
            }
        });
    }

    /**
     * @param negotiated the URL named no format and {@code Accept} chose it: {@code Content-Location} names the one sent
     */
    public void send(RoutingContext ctx, RenderedDocument doc, Rules rules, boolean negotiated) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        boolean gzip = HttpValidators.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        boolean browser = doc.browserContentType() != null && HttpValidators.wantsHtml(request.getHeader(HttpHeaders.ACCEPT));
        RenderedDocument.Wire wire = doc.wire();
        CharSequence etag = wire.etags()[RenderedDocument.Wire.variant(gzip, browser)];
        MultiMap headers = response.headers();
        headers.add(HttpHeaders.DATE, date.now());
        headers.add(ETAG, etag);
        headers.add(HttpHeaders.LAST_MODIFIED, wire.lastModified());
        headers.add(HttpHeaders.CACHE_CONTROL, rules.cacheControl());
        // The media type follows Accept where browsers get another one, and the format too when negotiated.
        headers.add(VARY, doc.browserContentType() != null || rules.variesByAccept() ? VARY_NEGOTIATED : VARY_ENCODING);
        for (int i = 0; i < rules.names().length; i++) {
            headers.add(rules.names()[i], rules.values()[i]);
        }
        if (wire.links() != null) {
            headers.add(LINK, wire.links());
        }
        if (negotiated && wire.selfUrl() != null) {
            headers.add(HttpHeaders.CONTENT_LOCATION, wire.selfUrl());
        }
        if (HttpValidators.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), etag, doc.lastModified().getEpochSecond())) {
            notModified.increment();
            response.setStatusCode(304).end();
            return;
        }
        full.increment();
        Buffer body = gzip ? doc.gzip() : doc.plain();
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

    /** The {@code Date} header, formatted once a second rather than per response. */
    static final class HttpDate {
        private volatile long second = -1;
        private volatile CharSequence value;

        CharSequence now() {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                value = HttpHeaders.createOptimized(HttpValidators.formatDate(Instant.ofEpochSecond(now)));
                second = now;
            }
            return value;
        }
    }
}
