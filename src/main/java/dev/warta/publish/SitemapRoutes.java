package dev.warta.publish;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code /sitemap.xml} (with its pages {@code ?page=N} when it is an index), {@code /sitemap-news.xml} and
 * {@code /robots.txt} as the feeds are served: from {@link PublishedSitemaps}' bytes on the event loop when current
 * (validators, 304, HEAD, gzip, through {@link DocumentSender}), rendered on a worker thread otherwise.
 */
@ApplicationScoped
public class SitemapRoutes {

    static final List<String> ALLOWED = List.of("GET", "HEAD");

    private final PublishedSitemaps sitemaps;
    private final DocumentSender sender;
    private final PublicUrl publicUrl;
    private final DocumentSender.Rules rules;

    SitemapRoutes(PublishedSitemaps sitemaps, DocumentSender sender, PublicUrl publicUrl, WartaConfig config) {
        this.sitemaps = sitemaps;
        this.sender = sender;
        this.publicUrl = publicUrl;
        this.rules = DocumentSender.Rules.of("public, max-age=" + config.publish().maxAge());
    }

    void register(@Observes Router router) {
        router.route(SiteUrls.SITEMAP).order(-100).handler(this::handle);
        router.route(SiteUrls.NEWS_SITEMAP).order(-100).handler(this::handle);
        router.route(SiteUrls.ROBOTS).order(-100).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.fail(ProblemException.notAllowed("this address does not accept " + method.name() + "; use GET or HEAD",
                    ALLOWED));
            return;
        }
        try {
            String base = publicUrl.base(request);
            switch (request.path()) {
                case SiteUrls.NEWS_SITEMAP -> {
                    Instant now = Instant.now();
                    send(ctx, sitemaps.cachedNews(base, now), () -> sitemaps.news(base, now));
                }
                case SiteUrls.ROBOTS -> send(ctx, sitemaps.cachedRobots(base), () -> sitemaps.robots(base));
                default -> {
                    int page = page(request.getParam("page"));
                    send(ctx, sitemaps.cachedSitemap(base, page), () -> sitemaps.sitemap(base, page));
                }
            }
        } catch (ProblemException e) {
            ctx.fail(e);
        }
    }

    private void send(RoutingContext ctx, RenderedDocument hit, Callable<RenderedDocument> render) {
        if (hit != null) {
            sender.send(ctx, hit, rules, false);
        } else {
            sender.blocking(ctx, render, rules, false);
        }
    }

    /** The {@code page} parameter: absent is sitemap.xml itself (0), else a whole number from 1. */
    static int page(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int page = Integer.parseInt(value);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("invalid-parameter", "page must be a whole number from 1").with("field", "page");
    }
}
