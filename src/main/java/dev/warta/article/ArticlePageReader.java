package dev.warta.article;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsoup.nodes.Document;

import dev.warta.ProblemException;
import dev.warta.WartaConfig;
import dev.warta.fetch.FetchException;
import dev.warta.fetch.FetchRequest;
import dev.warta.fetch.FetchResult;
import dev.warta.fetch.HttpFetcher;
import io.quarkus.logging.Log;

/**
 * Reads article pages: the first from the editor (posted HTML) or from its URL, and the next pages of a
 * multi-page article through {@link HttpFetcher} (same limits, same address guard), until a page links no
 * next page, a page was seen before, or {@code warta.ingest.max-pages} is reached. A next page that cannot
 * be fetched ends the article where it is, with a note saying so; the first page that cannot be fetched is
 * an error.
 */
@ApplicationScoped
public class ArticlePageReader {

    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

    private final HttpFetcher fetcher;
    private final HtmlArticleParser parser = new HtmlArticleParser();
    private final int maxPages;
    private final int maxPageBytes;

    ArticlePageReader(HttpFetcher fetcher, WartaConfig config) {
        this.fetcher = fetcher;
        this.maxPages = config.ingest().maxPages();
        this.maxPageBytes = config.ingest().maxPageBytes();
    }

    /** A posted page; {@code address} (may be null) is where it lives, for relative links and next pages. */
    public ArticleReading read(byte[] html, Charset charset, URI address) {
        Document doc = HtmlArticleParser.decode(html, charset, address);
        return readFrom(parser.parsePage(doc, address));
    }

    /** The page at this URL, fetched. */
    public ArticleReading fetch(URI url) {
        FetchResult page = get(url, true);
        return readFrom(parser.parsePage(HtmlArticleParser.decode(page.body(), page.charset().orElse(null), page.url()),
                page.url()));
    }

    private ArticleReading readFrom(HtmlArticleParser.Page first) {
        List<HtmlArticleParser.Page> pages = new ArrayList<>();
        List<String> notes = new ArrayList<>(first.notes());
        pages.add(first);
        Set<String> seen = new HashSet<>();
        remember(seen, first);
        URI next = first.next();
        while (next != null) {
            if (pages.size() >= maxPages) {
                notes.add("stopped after " + maxPages + " pages (warta.ingest.max-pages); " + next + " and later pages are not included");
                break;
            }
            String key = PageUrls.normalize(next.toString()).orElse(next.toString());
            if (!seen.add(key)) {
                notes.add("page " + (pages.size() + 1) + " links back to " + next + ", a page already read; stopped there");
                break;
            }
            HtmlArticleParser.Page page;
            try {
                FetchResult result = get(next, false);
                page = parser.parsePage(HtmlArticleParser.decode(result.body(), result.charset().orElse(null), result.url()),
                        result.url());
            } catch (ProblemException e) {
                notes.add("page " + (pages.size() + 1) + " (" + next + ") could not be read: " + e.getMessage()
                        + "; the article holds the pages before it");
                Log.infof("Next page %s of \"%s\" not read: %s", next, first.title(), e.getMessage());
                break;
            }
            remember(seen, page);
            pages.add(page);
            next = page.next();
        }
        if (pages.size() > 1) {
            notes.add("joined " + pages.size() + " pages");
        }
        return new ArticleReading(parser.join(pages), List.copyOf(notes));
    }

    private static void remember(Set<String> seen, HtmlArticleParser.Page page) {
        if (page.address() != null) {
            seen.add(PageUrls.normalize(page.address().toString()).orElse(page.address().toString()));
        }
        if (page.canonicalUrl() != null) {
            seen.add(page.canonicalUrl());
        }
    }

    /** Fetches a page; every failure is a problem naming the URL and the reason. */
    private FetchResult get(URI url, boolean first) {
        FetchResult result;
        try {
            result = fetcher.fetchPolitely(FetchRequest.get(url).withHeader("Accept", ACCEPT).withMaxBytes(maxPageBytes));
        } catch (FetchException e) {
            throw problem(e, url);
        }
        if (!result.successful()) {
            String detail = url + " answered HTTP " + result.status();
            // A server failing is Warta's upstream failing; any other refusal is the page's answer about itself.
            throw (result.status() >= 500 ? ProblemException.upstreamFailed("fetch-failed", detail)
                    : ProblemException.refused("fetch-failed", detail)).with("field", "url").with("url", url.toString())
                    .with("upstreamStatus", result.status());
        }
        String type = result.mediaType().orElse("text/html");
        if (!type.equals("text/html") && !type.equals("application/xhtml+xml")) {
            throw ProblemException.refused("not-html",
                    url + " is " + type + ", not an HTML page").with("field", "url").with("url", url.toString())
                    .with("mediaType", type);
        }
        if (first) {
            Log.infof("Fetched %s (%d bytes)", result.url(), result.body().length);
        }
        return result;
    }

    /**
     * A failed fetch as a problem. Besides {@code field}, it names the {@code url} and, where it helps a page say
     * what happened in its own words, the {@code reason} ({@code timeout}, {@code connection}) or the {@code limit}.
     */
    static ProblemException problem(FetchException e, URI url) {
        ProblemException problem = switch (e.reason()) {
            case REFUSED_ADDRESS -> ProblemException.refused("refused-address",
                    "Warta's address guard (warta.fetch.address-guard) refuses to fetch " + url + ": " + e.getMessage());
            case INVALID -> ProblemException.invalid("invalid-url", e.getMessage());
            case UNKNOWN_HOST -> ProblemException.refused("unknown-host", e.getMessage());
            case TOO_LARGE -> ProblemException.refused("too-large", e.getMessage() + " (warta.ingest.max-page-bytes)");
            case REDIRECTS -> ProblemException.refused("too-many-redirects", e.getMessage());
            case TIMEOUT, CONNECTION -> ProblemException.upstreamFailed("fetch-failed",
                    e.getMessage().toLowerCase(Locale.ROOT).startsWith("gave up") ? e.getMessage()
                            : "fetching " + url + " failed: " + e.getMessage())
                    .with("reason", e.reason().name().toLowerCase(Locale.ROOT));
        };
        return problem.with("field", "url").with("url", url.toString());
    }
}
