package dev.warta.web.admin;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import dev.warta.HtmlResponses;
import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.article.ArticlePreview;
import dev.warta.article.ArticleService;
import dev.warta.entry.EntryView;
import dev.warta.entry.EntryViews;
import dev.warta.ingest.IngestResult;
import dev.warta.ingest.IngestService;
import dev.warta.web.ClientAddresses;
import dev.warta.web.FeedLink;
import dev.warta.web.ProblemStatus;
import dev.warta.web.SignInGuard;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The editor page: sign in with an admin token, paste an article (newsroom text or page HTML) or give its
 * URL, preview what Warta reads from it, publish it, and see or delete recent entries.
 *
 * <p>The token is exchanged for a server-side session ({@link AdminSessions}); the cookie is HttpOnly,
 * SameSite=Strict, limited to {@code /admin}, and Secure over HTTPS. Every form carries the session's CSRF
 * token, and a POST whose {@code Origin} or {@code Sec-Fetch-Site} says it comes from another site is
 * refused before anything else. Pages are {@code no-store} and may not be framed.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

    static final String COOKIE = "warta_admin";
    static final int RECENT = 25;
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final AdminSessions sessions;
    private final SignInGuard guard;
    private final ClientAddresses clients;
    private final ArticleService articles;
    private final IngestService ingest;
    private final EntryViews entries;
    private final PublicUrl publicUrl;
    private final String siteTitle;
    private final int maxPageBytes;

    AdminPage(AdminSessions sessions, SignInGuard guard, ClientAddresses clients, ArticleService articles, IngestService ingest,
            EntryViews entries, PublicUrl publicUrl, WartaConfig config) {
        this.sessions = sessions;
        this.guard = guard;
        this.clients = clients;
        this.articles = articles;
        this.ingest = ingest;
        this.entries = entries;
        this.publicUrl = publicUrl;
        this.siteTitle = config.publish().siteTitle();
        this.maxPageBytes = config.ingest().maxPageBytes();
    }

    /** An error as the page shows it. */
    public record Problem(String title, String detail, String field, Integer line) {
    }

    public record Flash(String message, String link) {
    }

    /** The article as the preview shows it: its date in words, and what it lacks. */
    public record Preview(ArticlePreview article, String date, List<String> warnings) {
        static Preview of(ArticleService.Checked checked) {
            ArticlePreview article = ArticlePreview.of(checked, true);
            String date = article.published() == null ? null
                    : AdminTexts.date(article.published(), Boolean.TRUE.equals(article.publishedDayOnly()));
            return new Preview(article, date, checked.warnings().stream().map(AdminTexts::warning).toList());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String site, String base, List<FeedLink> feeds, String error);

        static native TemplateInstance editor(String site, String base, List<FeedLink> feeds, String csrf, EditorForm form,
                Preview preview, Problem error, Flash flash, List<EntryView> recent);
    }

    @GET
    @Operation(hidden = true)
    public Response page(@CookieParam(COOKIE) String cookie, @Context UriInfo uri) {
        Optional<AdminSessions.Session> session = sessions.find(cookie);
        if (session.isEmpty()) {
            return html(200, Templates.login(siteTitle, base(uri), feeds(uri), null));
        }
        return editor(200, session.get(), uri, EditorForm.EMPTY, null, null, flash(session.get()));
    }

    @POST
    @Path("login")
    @Operation(hidden = true)
    public Response login(@RestForm String token, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServerRequest request) {
        if (crossSite(headers, uri)) {
            return html(403, Templates.login(siteTitle, base(uri), feeds(uri), "Permintaan dari situs lain ditolak."));
        }
        if (token == null || token.isBlank()) {
            return html(401, Templates.login(siteTitle, base(uri), feeds(uri), "Isi token admin."));
        }
        SignInGuard.Attempt attempt = guard.attempt(clients.of(request), token, "/admin/login");
        if (attempt instanceof SignInGuard.Throttled t) {
            long minutes = Math.max(1, (t.retryAfter().toSeconds() + 59) / 60);
            String message = "Terlalu banyak percobaan masuk yang gagal " + (t.overall() ? "akhir-akhir ini" : "dari alamat ini")
                    + ". Coba lagi dalam " + minutes + " menit.";
            return Response.fromResponse(html(429, Templates.login(siteTitle, base(uri), feeds(uri), message)))
                    .header("Retry-After", String.valueOf(t.retryAfter().toSeconds())).build();
        }
        if (attempt instanceof SignInGuard.Refused) {
            Log.warn("Sign-in on /admin with a wrong token");
            return html(401, Templates.login(siteTitle, base(uri), feeds(uri), "Token admin salah."));
        }
        AdminSessions.Session session = sessions.open();
        return Response.seeOther(URI.create(base(uri) + "/admin")).cookie(cookie(session.cookieValue(), uri, false))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return signedIn(cookie, csrf, headers, uri, session -> {
            sessions.signOut(session);
            return Response.seeOther(URI.create(base(uri) + "/admin")).cookie(cookie("", uri, true)).build();
        });
    }

    @POST
    @Path("preview")
    @Operation(hidden = true)
    public Response preview(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @RestForm String content,
            @RestForm String url, @RestForm String format, @RestForm String topics, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return signedIn(cookie, csrf, headers, uri, session -> {
            EditorForm form = new EditorForm(content, url, format, topics);
            try {
                return editor(200, session, uri, form, Preview.of(articles.preview(form.input(maxPageBytes), form.overrides())),
                        null, null);
            } catch (EditorForm.Fault f) {
                return editor(f.status, session, uri, form, null, new Problem(AdminProblems.title(f.status), f.getMessage(),
                        f.field, null), null);
            } catch (ProblemException e) {
                return editor(ProblemStatus.of(e), session, uri, form, null, AdminProblems.of(e, maxPageBytes), null);
            }
        });
    }

    @POST
    @Path("publish")
    @Operation(hidden = true)
    public Response publish(@CookieParam(COOKIE) String cookie, @RestForm String csrf, @RestForm String content,
            @RestForm String url, @RestForm String format, @RestForm String topics, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return signedIn(cookie, csrf, headers, uri, session -> publish(session, new EditorForm(content, url, format, topics), uri));
    }

    private Response publish(AdminSessions.Session session, EditorForm form, UriInfo uri) {
        ArticleService.Published stored;
        try {
            stored = articles.publish(form.input(maxPageBytes), form.overrides());
        } catch (EditorForm.Fault f) {
            return editor(f.status, session, uri, form, null, new Problem(AdminProblems.title(f.status), f.getMessage(), f.field,
                    null), null);
        } catch (ProblemException e) {
            return editor(ProblemStatus.of(e), session, uri, form, null, AdminProblems.of(e, maxPageBytes), null);
        }
        IngestResult result = stored.result();
        String what = switch (result.outcome()) {
            case CREATED -> "Diterbitkan";
            case FILLED_STUB -> "Diterbitkan (mengisi artikel terkait yang sudah ada)";
            case UPDATED -> "Diperbarui";
            case UNCHANGED -> "Tidak berubah, sudah diterbitkan";
        };
        String lacks = stored.article().warnings().isEmpty() ? ""
                : " (" + AdminTexts.shortWarnings(stored.article().warnings()) + ")";
        sessions.flash(session, what + ": " + stored.article().draft().title() + lacks + "\n"
                + SiteUrls.at(base(uri)).entryPage(result.entryId()));
        Log.infof("Editor page: entry %d %s", result.entryId(), result.outcome().name().toLowerCase(Locale.ROOT));
        return Response.seeOther(URI.create(base(uri) + "/admin")).build();
    }

    @POST
    @Path("entries/{id}/delete")
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id, @CookieParam(COOKIE) String cookie, @RestForm String csrf,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return signedIn(cookie, csrf, headers, uri, session -> {
            String message = ingest.delete(id)
                    .map(d -> "Dihapus: " + d.title() + (d.stubsDeleted() > 0 ? " (dan " + d.stubsDeleted()
                            + " artikel terkait yang hanya disebut olehnya)" : ""))
                    .orElse("Entri " + id + " sudah tidak ada.");
            sessions.flash(session, message);
            return Response.seeOther(URI.create(base(uri) + "/admin")).build();
        });
    }

    // ---- helpers

    /**
     * Carries out a POST for its session, or refuses it: from another site, signed out, or without the
     * form's CSRF token.
     */
    private Response signedIn(String cookie, String csrf, HttpHeaders headers, UriInfo uri,
            Function<AdminSessions.Session, Response> action) {
        if (crossSite(headers, uri)) {
            Log.warn("Refused a cross-site POST to /admin");
            return html(403, Templates.login(siteTitle, base(uri), feeds(uri), "Permintaan dari situs lain ditolak."));
        }
        Optional<AdminSessions.Session> session = sessions.find(cookie);
        if (session.isEmpty()) {
            return html(401, Templates.login(siteTitle, base(uri), feeds(uri),
                    "Sesi sudah berakhir. Masuk lagi dengan token admin."));
        }
        if (!AdminSessions.csrfMatches(session.get(), csrf)) {
            Log.warn("Refused a POST to /admin without the session's CSRF token");
            return editor(403, session.get(), uri, EditorForm.EMPTY, null,
                    new Problem("Formulir ditolak", "Formulir ini bukan dari sesi ini (token CSRF tidak cocok). "
                            + "Muat ulang halaman lalu coba lagi.", null, null), null);
        }
        return action.apply(session.get());
    }

    /**
     * A browser says where a POST comes from: {@code Sec-Fetch-Site}, and {@code Origin}. Either naming
     * another site refuses the request, whatever cookie it carries.
     */
    static boolean crossSite(HttpHeaders headers, UriInfo uri) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = headers.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            URI self = uri.getBaseUri();
            return o.getHost() == null || !o.getHost().equalsIgnoreCase(self.getHost()) || port(o) != port(self);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Flash flash(AdminSessions.Session session) {
        if (session.flash() == null) {
            return null;
        }
        String[] parts = session.flash().split("\n", 2);
        return new Flash(parts[0], parts.length > 1 ? parts[1] : null);
    }

    private Response editor(int status, AdminSessions.Session session, UriInfo uri, EditorForm form, Preview preview,
            Problem error, Flash flash) {
        String base = base(uri);
        return html(status, Templates.editor(siteTitle, base, feeds(uri), session.csrfToken(), form, preview, error, flash,
                entries.latest(RECENT, base)));
    }

    private static Response html(int status, TemplateInstance page) {
        return HtmlResponses.page(status, page.render(), "no-store", CSP);
    }

    private NewCookie cookie(String value, UriInfo uri, boolean expire) {
        String base = base(uri);
        String path = URI.create(base).getPath();
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path((path == null ? "" : path) + "/admin")
                .httpOnly(true)
                .secure(base.startsWith("https:"))
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(expire ? 0 : (int) sessions.maxAge().toSeconds())
                .build();
    }

    private String base(UriInfo uri) {
        return publicUrl.base(uri);
    }

    private List<FeedLink> feeds(UriInfo uri) {
        return FeedLink.site(base(uri), siteTitle);
    }
}
