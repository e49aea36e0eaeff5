package dev.warta.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.FeedFormat;
import dev.warta.HtmlResponses;
import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code GET /search?q=}: results newest first with matched words marked, older pages by {@code before=}.
 * Unlike the API, a page without {@code q} is the empty search form (200): that is where a reader starts.
 * A query the API would refuse (over {@link SearchQuery#MAX_LENGTH} characters) shows the form again with the
 * reason, as a 400 page.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class SearchPage {

    static final int PAGE_SIZE = 20;
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** A feed the layout advertises (the same shape the other pages pass it). */
    public record FeedLink(String title, String type, String href, String format) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String site, String base, List<FeedLink> feeds, String q, boolean searched,
                List<SearchHit> hits, String olderHref, String problem);
    }

    private final SearchService search;
    private final PublicUrl publicUrl;
    private final String siteTitle;

    SearchPage(SearchService search, PublicUrl publicUrl, WartaConfig config) {
        this.search = search;
        this.publicUrl = publicUrl;
        this.siteTitle = config.publish().siteTitle();
    }

    @GET
    @Operation(summary = "Search page: entries matching q (Indonesian stems, case and accents folded), newest first")
    public Response page(@QueryParam("q") String q, @QueryParam("before") String before, @Context UriInfo uri) {
        String base = publicUrl.base(uri);
        if (q == null || q.isBlank()) {
            return html(200, Templates.search(siteTitle, base, feeds(base), "", false, List.of(), null, null));
        }
        SearchQuery query;
        Optional<SearchCursor> cursor;
        try {
            query = new SearchQuery(q);
            cursor = SearchCursor.of(before);
        } catch (ProblemException.Invalid e) {
            String problem = q.strip().length() > SearchQuery.MAX_LENGTH
                    ? "Kata pencarian terlalu panjang: paling banyak " + SearchQuery.MAX_LENGTH + " karakter."
                    : "Alamat halaman hasil tidak dikenal; mulai lagi dari halaman pertama.";
            return html(400, Templates.search(siteTitle, base, feeds(base), q, false, List.of(), null, problem));
        }
        SearchResults results = search.page(query, cursor, PAGE_SIZE);
        return html(200, Templates.search(siteTitle, base, feeds(base, query), query.text(), true, results.hits(),
                olderHref(base, results).orElse(null), null));
    }

    /** A search's own feeds first (a reader subscribing from the page finds the Atom one), then the site's. */
    private List<FeedLink> feeds(String base, SearchQuery query) {
        String q = query.normalized().text();
        List<FeedLink> feeds = new ArrayList<>(inFormats("Pencarian: " + q, f -> SiteUrls.at(base).searchFeed(q, f)));
        feeds.addAll(feeds(base));
        return feeds;
    }

    private List<FeedLink> feeds(String base) {
        return inFormats(siteTitle, f -> SiteUrls.at(base).feed(null, f));
    }

    private static List<FeedLink> inFormats(String title, Function<FeedFormat, String> href) {
        return Arrays.stream(FeedFormat.values()).map(f -> {
            String name = switch (f) {
                case ATOM -> "Atom";
                case RSS -> "RSS";
                case JSON -> "JSON Feed";
            };
            return new FeedLink(title + " (" + name + ")", f.mediaType(), href.apply(f), name);
        }).toList();
    }

    /** Results change with every ingest: not stored by caches; not framed, no script, no foreign forms. */
    private static Response html(int status, TemplateInstance page) {
        return HtmlResponses.page(status, page.render(), "no-cache", CSP);
    }

    static Optional<String> olderHref(String base, SearchResults results) {
        return results.older().map(c -> base + "/search?q=" + URLEncoder.encode(results.query().text(), StandardCharsets.UTF_8)
                + "&before=" + c.written());
    }
}
