package dev.warta.publish;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.warta.FeedFormat;
import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.entry.Cursor;
import dev.warta.entry.ListPage;
import dev.warta.search.SearchQuery;

/**
 * One feed document a URL names: the topic ({@code slug}, null for every entry and for a search), the search
 * ({@code search}, normalized; null unless the URL is {@code /feeds/search…?q=}), the format, the page (with or
 * without stubs: {@code ?stubs=false}) and the base URL its links start with. {@code negotiated} when the URL named
 * no format and {@code Accept} chose it.
 */
public record FeedTarget(String slug, SearchQuery search, FeedFormat format, boolean negotiated, ListPage page,
        String base) {

    private static final Pattern PATH = Pattern.compile("(?:" + Pattern.quote(SiteUrls.ALL_FEED) + "|("
            + Pattern.quote(SiteUrls.SEARCH_FEED) + ")|"
            + Pattern.quote(SiteUrls.TOPIC_FEEDS) + "([a-z0-9]+(?:-[a-z0-9]+)*))(\\.atom|\\.rss|\\.json)?");

    /** Whether this is the feed of every entry (its {@code feed_version} key is known without reading topics). */
    public boolean isAll() {
        return slug == null && search == null;
    }

    /** Whether this is a search's feed; it shows entries of every feed, so it goes with the all-entries version. */
    public boolean isSearch() {
        return search != null;
    }

    /** The part of the cache key that says which document this is. */
    CacheKey key() {
        return new CacheKey(slug == null ? "" : slug, search == null ? "" : search.text(), format, page.limit(),
                page.cursorQuery(), page.withStubs(), base);
    }

    record CacheKey(String slug, String search, FeedFormat format, int limit, String cursor, boolean stubs, String base) {
    }

    /**
     * Parses a feed path ({@code /feeds/topics/slug.atom}) and its query parameters; empty when the path
     * names no feed. {@code accept} chooses the format of a path without extension.
     *
     * @throws ProblemException 400 for a bad {@code limit}, {@code before}, {@code after} or {@code stubs}, and for a
     *                          search's blank or over-long {@code q}; 406 when {@code Accept} allows no format
     */
    public static Optional<FeedTarget> parse(String path, Function<String, String> param, String accept, String base,
            int defaultLimit, int maxLimit) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String slug = m.group(2);
        FeedFormat format;
        boolean negotiated = m.group(3) == null;
        if (negotiated) {
            format = HttpValidators.negotiate(accept).orElseThrow(() -> ProblemException.notAcceptable(
                    "this feed is available as application/atom+xml, application/rss+xml and application/feed+json")
                    .with("available", java.util.List.of(FeedFormat.ATOM.mediaType(), FeedFormat.RSS.mediaType(),
                            FeedFormat.JSON.mediaType())));
        } else {
            format = FeedFormat.ofExtension(m.group(3)).orElseThrow();
        }
        SearchQuery search = m.group(1) == null ? null : new SearchQuery(param.apply("q")).normalized();
        return Optional.of(new FeedTarget(slug, search, format, negotiated, page(param, defaultLimit, maxLimit), base));
    }

    /** The feed a full URL names, e.g. a WebSub {@code hub.topic}; only when it starts with {@code base}. */
    public static Optional<FeedTarget> fromUrl(URI url, String base, int defaultLimit, int maxLimit) {
        String s = url.toString();
        if (!s.startsWith(base + SiteUrls.FEEDS) || url.getRawFragment() != null) {
            return Optional.empty();
        }
        Map<String, String> query = new HashMap<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        String path = s.substring(base.length());
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return parse(path, query::get, null, base, defaultLimit, maxLimit);
    }

    private static ListPage page(Function<String, String> param, int defaultLimit, int maxLimit) {
        int limit = limit(param.apply("limit"), defaultLimit, maxLimit);
        String before = param.apply("before");
        String after = param.apply("after");
        if (before != null && after != null) {
            throw ProblemException.invalid("invalid-parameter", "give before or after, not both").with("field", "after");
        }
        return new ListPage(limit, cursor(before, "before"), cursor(after, "after"), withStubs(param.apply("stubs")));
    }

    /** {@code stubs=false} leaves the stubs out; {@code true} or no parameter keeps them; anything else is a 400. */
    private static boolean withStubs(String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw ProblemException.invalid("invalid-parameter", "stubs must be true or false").with("field", "stubs");
    }

    private static Cursor cursor(String value, String field) {
        if (value == null) {
            return null;
        }
        return Cursor.parse(value).orElseThrow(() -> ProblemException.invalid("invalid-parameter",
                field + " must be a cursor from a feed's next or previous link").with("field", field));
    }

    static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("invalid-parameter", "limit must be a whole number from 1 to " + max)
                .with("field", "limit");
    }
}
