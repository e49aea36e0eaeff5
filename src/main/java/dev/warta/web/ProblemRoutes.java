package dev.warta.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.publish.HttpValidators;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems of the Vert.x routes (the feeds and the HTML pages, served on the event loop outside JAX-RS): a route fails
 * its context with a {@link ProblemException} and this failure handler answers, through the same
 * {@link ProblemStatus} table as {@link ProblemMapper}. Feeds are public and read cross-origin, so their
 * errors are too. A page's address asked for by a browser (its {@code Accept} prefers {@code text/html}, as for the
 * feed pages) gets the same status as an Indonesian page in the site's layout instead; readers, scripts and the feeds
 * keep problem+json, so the answer varies by {@code Accept}.
 */
@ApplicationScoped
public class ProblemRoutes {

    private final ObjectMapper json;
    private final PageRenderer pages;
    private final PublicUrl publicUrl;

    ProblemRoutes(ObjectMapper json, PageRenderer pages, PublicUrl publicUrl) {
        this.json = json;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    void register(@Observes Router router) {
        for (String path : new String[] { SiteUrls.FEEDS + "*", SiteUrls.OPML, "/", SiteUrls.TOPIC_PAGES + "*",
                SiteUrls.ENTRY_PAGES + "*", SiteUrls.ICON, SiteUrls.ICON_ICO, SiteUrls.SITEMAP, SiteUrls.NEWS_SITEMAP,
                SiteUrls.ROBOTS }) {
            router.route(path).order(-101).failureHandler(this::fail);
        }
    }

    void fail(RoutingContext ctx) {
        ProblemException problem;
        if (ctx.failure() instanceof ProblemException p) {
            problem = p;
        } else {
            Log.error("A feed or page request failed", ctx.failure());
            problem = ProblemException.internal("Warta could not answer this request; the error is in its log.");
        }
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        boolean page = isPage(ctx.request());
        if (page) {
            response.putHeader(HttpHeaders.VARY, "Accept");
        }
        int status = ProblemStatus.of(problem);
        for (Map.Entry<String, String> h : ProblemStatus.headers(problem).entrySet()) {
            response.putHeader(h.getKey(), h.getValue());
        }
        try {
            if (page && browser(ctx.request())) {
                response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PageRenderer.HTML)
                        .putHeader("Content-Security-Policy", PageRoutes.CONTENT_SECURITY_POLICY)
                        .putHeader("X-Frame-Options", "SAMEORIGIN").putHeader("X-Content-Type-Options", "nosniff");
                end(ctx, pages.problem(publicUrl.base(ctx.request()), status));
                return;
            }
            byte[] body = json.writeValueAsBytes(ProblemStatus.body(problem, ctx.request().path()));
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .putHeader("Access-Control-Allow-Origin", "*");
            end(ctx, body);
        } catch (JsonProcessingException | RuntimeException e) {
            Log.error("A problem could not be written", e);
            response.setStatusCode(500).end();
        }
    }

    /** The HTML pages' addresses: {@code /}, {@code /topics/…}, {@code /entries/…} (not the feeds, the OPML, the icon). */
    private static boolean isPage(HttpServerRequest request) {
        String path = request.path();
        return path.equals("/") || path.startsWith(SiteUrls.TOPIC_PAGES) || path.startsWith(SiteUrls.ENTRY_PAGES);
    }

    /** A browser reading a page: GET or HEAD, and an {@code Accept} that prefers {@code text/html} to every feed type. */
    private static boolean browser(HttpServerRequest request) {
        HttpMethod method = request.method();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && HttpValidators.prefersHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    private static void end(RoutingContext ctx, byte[] body) {
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).end();
        } else {
            ctx.response().end(Buffer.buffer(body));
        }
    }
}
