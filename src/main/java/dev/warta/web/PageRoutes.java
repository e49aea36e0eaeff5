package dev.warta.web;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.publish.DocumentSender;
import dev.warta.publish.FeedTarget;
import dev.warta.publish.HttpValidators;
import dev.warta.publish.PublishedFeeds;
import dev.warta.publish.RenderedDocument;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the HTML pages ({@code /}, {@code /topics/<slug>}, {@code /entries/<id>}) as the feeds are served: on the
 * event loop from {@link PublishedPages}' bytes when the page is unchanged (validators, 304, HEAD, gzip, no query),
 * on a worker thread to render otherwise. Errors are {@code application/problem+json} ({@link ProblemRoutes}).
 */
@ApplicationScoped
public class PageRoutes {

    static final List<String> ALLOWED = List.of("GET", "HEAD");
    /**
     * Pages show sanitized article HTML and their own inline style, nothing else: no script runs, images may come from
     * anywhere (articles' lead and inline images), forms post nowhere, and other sites may not frame them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private final PublishedPages pages;
    private final DocumentSender sender;
    private final PublicUrl publicUrl;
    private final PublishedFeeds feeds;
    private final DocumentSender.Rules rules;
    private final DocumentSender.Rules feedPageRules;

    PageRoutes(PublishedPages pages, PublishedFeeds feeds, DocumentSender sender, PublicUrl publicUrl, WartaConfig config) {
        this.pages = pages;
        this.feeds = feeds;
        this.sender = sender;
        this.publicUrl = publicUrl;
        this.rules = DocumentSender.Rules.of("public, max-age=" + config.publish().pageMaxAge(),
                "Content-Security-Policy", CONTENT_SECURITY_POLICY, "X-Frame-Options", "SAMEORIGIN",
                "Referrer-Policy", "strict-origin-when-cross-origin");
        this.feedPageRules = rules.varyingByAccept();
    }

    void register(@Observes Router router) {
        router.route("/").order(-100).handler(this::handle);
        router.route(SiteUrls.TOPIC_PAGES + "*").order(-100).handler(this::handle);
        router.route(SiteUrls.ENTRY_PAGES + "*").order(-100).handler(this::handle);
        // Before publish.FeedRoutes (-100): a feed's address answers a browser with a page and everyone else with the
        // feed, so web decides and publish, which knows nothing of pages, keeps serving the bytes (ctx.next()).
        router.route(SiteUrls.FEEDS + "*").order(-101).handler(this::feedPage);
    }

    /**
     * A feed's address asked for by a request whose {@code Accept} prefers {@code text/html} to every feed type: the
     * Indonesian page of that feed. Everything else (readers, {@code *}{@code /*}, no Accept, other methods) goes on.
     */
    void feedPage(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !HttpValidators.prefersHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            ctx.next();
            return;
        }
        try {
            Optional<FeedTarget> feed = FeedTarget.parse(request.path(), DocumentSender.params(request), null,
                    publicUrl.base(request), feeds.defaultLimit(), feeds.maxLimit());
            if (feed.isEmpty()) {
                ctx.next();
                return;
            }
            if (feed.get().isSearch()) {
                // A search's readable page is /search?q=, its feeds linked at the top: a person is sent there.
                ctx.response().setStatusCode(303)
                        .putHeader(HttpHeaders.LOCATION, SiteUrls.at(publicUrl.base(request)).searchPage(feed.get().search().text()))
                        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                        .end();
                return;
            }
            PageTarget target = new PageTarget.FeedPage(feed.get());
            RenderedDocument hit = pages.cached(target);
            if (hit != null) {
                sender.send(ctx, hit, feedPageRules, false);
            } else {
                sender.blocking(ctx, () -> pages.current(target), feedPageRules, false);
            }
        } catch (ProblemException e) {
            ctx.fail(e);
        }
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.fail(ProblemException.notAllowed("this page does not accept " + method.name() + "; use GET or HEAD", ALLOWED));
            return;
        }
        String path = request.path();
        try {
            PageTarget target = PageTarget.parse(path, DocumentSender.params(request), publicUrl.base(request))
                    .orElseThrow(() -> ProblemException.notFound("nothing is published at " + path));
            RenderedDocument hit = pages.cached(target);
            if (hit != null) {
                sender.send(ctx, hit, rules, false);
            } else {
                sender.blocking(ctx, () -> pages.current(target), rules, false);
            }
        } catch (ProblemException e) {
            ctx.fail(e);
        }
    }
}
