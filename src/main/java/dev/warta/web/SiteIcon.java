package dev.warta.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.publish.DocumentSender;
import dev.warta.publish.RenderedDocument;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The site's icon: {@code /favicon.svg}, which every page names ({@code <link rel="icon">}), and the same picture as a
 * real icon file at {@code /favicon.ico}, which browsers and feed readers ask for when they know no better. Both are
 * read once and served like the feeds ({@link DocumentSender}: ETag, 304, HEAD, gzip), cached for a week, so a page
 * view logs no 404 and costs no second request while the icon is fresh.
 */
@ApplicationScoped
public class SiteIcon {

    /** When the picture was drawn: its Last-Modified (the ETag, a hash of the bytes, is what changes with it). */
    static final Instant DRAWN = Instant.parse("2026-12-02T00:00:00Z");
    static final String CACHE_CONTROL = "public, max-age=604800";

    private final DocumentSender sender;
    private final DocumentSender.Rules rules = DocumentSender.Rules.of(CACHE_CONTROL,
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    private final RenderedDocument svg = load("favicon.svg", "image/svg+xml");
    private final RenderedDocument ico = load("favicon.ico", "image/x-icon");

    SiteIcon(DocumentSender sender) {
        this.sender = sender;
    }

    void register(@Observes Router router) {
        router.route(SiteUrls.ICON).order(-100).handler(ctx -> send(ctx, svg));
        router.route(SiteUrls.ICON_ICO).order(-100).handler(ctx -> send(ctx, ico));
    }

    private void send(RoutingContext ctx, RenderedDocument icon) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.fail(ProblemException.notAllowed("the icon does not accept " + method.name() + "; use GET or HEAD",
                    PageRoutes.ALLOWED));
            return;
        }
        sender.send(ctx, icon, rules, false);
    }

    private static RenderedDocument load(String name, String type) {
        try (InputStream in = SiteIcon.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the build");
            }
            return RenderedDocument.of(1, type, null, in.readAllBytes(), DRAWN, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
