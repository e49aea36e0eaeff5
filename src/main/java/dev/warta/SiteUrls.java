package dev.warta;

import java.util.Optional;

/**
 * Every public address Warta writes into feeds, pages and API answers, built from the base URL one request (or
 * {@code warta.public-url}) gives, see {@link PublicUrl}. The paths here are the ones the routes serve.
 */
public record SiteUrls(String base) {

    /** Where every feed lives. */
    public static final String FEEDS = "/feeds/";
    public static final String ALL_FEED = FEEDS + "all";
    public static final String TOPIC_FEEDS = FEEDS + "topics/";
    /** A search as a feed: {@code /feeds/search.atom?q=…}. */
    public static final String SEARCH_FEED = FEEDS + "search";
    public static final String OPML = "/feeds.opml";
    public static final String STYLESHEET = FEEDS + "feed.xsl";
    public static final String TOPIC_PAGES = "/topics/";
    public static final String ENTRY_PAGES = "/entries/";
    /** The site's icon, and the address browsers ask for when a page names none. */
    public static final String ICON = "/favicon.svg";
    public static final String ICON_ICO = "/favicon.ico";
    /** Warta's WebSub hub (package {@code websub}). */
    public static final String HUB = "/websub";
    /** The site's pages for crawlers (or, past {@code warta.publish.sitemap-max-urls}, the index of their pages). */
    public static final String SITEMAP = "/sitemap.xml";
    /** The Google News sitemap: the desk's articles of the last two days. */
    public static final String NEWS_SITEMAP = "/sitemap-news.xml";
    public static final String ROBOTS = "/robots.txt";

    public static SiteUrls at(String base) {
        return new SiteUrls(base);
    }

    /** The home page. */
    public String home() {
        return base + "/";
    }

    public String topicPage(String slug) {
        return base + TOPIC_PAGES + slug;
    }

    /** What topic slugs are relative to: the scheme of feed categories. */
    public String topicPages() {
        return base + TOPIC_PAGES;
    }

    public String entryPage(long id) {
        return base + ENTRY_PAGES + id;
    }

    /** The path of a feed without format: {@code /feeds/all} ({@code slug} null) or {@code /feeds/topics/<slug>}. */
    public static String feedPath(String slug) {
        return slug == null ? ALL_FEED : TOPIC_FEEDS + slug;
    }

    /** A feed's first page at the default size, in one format; {@code slug} null for the feed of every entry. */
    public String feed(String slug, FeedFormat format) {
        return base + feedPath(slug) + format.extension();
    }

    public String opml() {
        return base + OPML;
    }

    public String stylesheet() {
        return base + STYLESHEET;
    }

    public String sitemap() {
        return base + SITEMAP;
    }

    /** One page (from 1) of sitemap.xml when it is an index. */
    public String sitemapPage(int page) {
        return base + SITEMAP + "?page=" + page;
    }

    public String newsSitemap() {
        return base + NEWS_SITEMAP;
    }

    /** The search page of a query. */
    public String searchPage(String q) {
        return base + "/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The feed of a query's results, in one format. */
    public String searchFeed(String q, FeedFormat format) {
        return base + SEARCH_FEED + format.extension() + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String hub() {
        return base + HUB;
    }

    public String apiTopic(String slug) {
        return base + "/api/topics/" + slug;
    }

    /** {@code /api/entries} with a query string ({@code ""} for none). */
    public String apiEntries(String query) {
        return base + "/api/entries" + (query.isEmpty() ? "" : "?" + query);
    }

    public String apiEntry(long id) {
        return base + "/api/entries/" + id;
    }

    /** The base URL of one of Warta's feed addresses (all that comes before {@code /feeds/}); empty for other URLs. */
    public static Optional<String> baseOfFeed(String url) {
        int at = url == null ? -1 : url.indexOf(FEEDS);
        return at < 0 ? Optional.empty() : Optional.of(url.substring(0, at));
    }
}
