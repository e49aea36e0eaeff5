package dev.warta.publish;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.FeedKey;
import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.entry.EntrySitemapRepository;
import dev.warta.entry.Jdbc;
import dev.warta.topic.FeedVersionRepository;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The sitemaps' and robots.txt's way into the {@link RenderCache}, kept like the feeds by base URL and the version of
 * what they show. {@code /sitemap.xml} (and its pages) shows every topic and article page: it is kept at the feed of
 * every entry's version plus the sum of the topics' versions (either moves when a page is added, removed or changed).
 * {@code /sitemap-news.xml} shows the articles of the last two days, so time changes it too: it is kept per hour
 * (the hour is part of its key) at the feed of every entry's version, and lists the articles that are still under two
 * days old at the end of that hour. {@code /robots.txt} depends on the base URL alone. {@code cached…} answer without
 * blocking (the event loop asks); the others render on a miss (worker threads only).
 */
@ApplicationScoped
public class PublishedSitemaps {

    static final String XML = "application/xml;charset=utf-8";
    static final String TEXT = "text/plain;charset=utf-8";
    /** Google News reads articles of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_MAX = 1000;
    static final long HOUR = 3600;

    private record NewsKey(String base, long hour) {
    }

    /** {@code page} 0: {@code /sitemap.xml} itself (all URLs, or the index); else one page of the index. */
    private record SitemapKey(String base, int page) {
    }

    private record RobotsKey(String base) {
    }

    private final FeedVersions versions;
    private final RenderCache cache;
    private final SitemapWriter writer;
    private final EntrySitemapRepository entries;
    private final FeedVersionRepository feedVersionRows;
    private final TopicRepository topics;
    private final AgroalDataSource dataSource;
    private final WartaConfig config;
    private final Counter renders;
    private volatile SitemapPlan plan;

    PublishedSitemaps(FeedVersions versions, RenderCache cache, SitemapWriter writer, EntrySitemapRepository entries,
            FeedVersionRepository feedVersionRows, TopicRepository topics, AgroalDataSource dataSource, WartaConfig config,
            MeterRegistry metrics) {
        this.versions = versions;
        this.cache = cache;
        this.writer = writer;
        this.entries = entries;
        this.feedVersionRows = feedVersionRows;
        this.topics = topics;
        this.dataSource = dataSource;
        this.config = config;
        this.renders = Counter.builder("warta.sitemaps.renders").description("Sitemaps rendered (cache misses)")
                .register(metrics);
    }

    /** How many sitemaps were rendered since start: one served from the cache adds nothing. */
    public double renderCount() {
        return renders.count();
    }

    public RenderedDocument cachedNews(String base, Instant now) {
        ContentVersion all = versions.known(FeedKey.all());
        return all == null ? null : cache.cached(new NewsKey(base, now.getEpochSecond() / HOUR), all.version());
    }

    /** The news sitemap of the hour {@code now} is in (blocking). */
    public RenderedDocument news(String base, Instant now) {
        ContentVersion all = allVersion();
        long hour = now.getEpochSecond() / HOUR;
        return cache.current(new NewsKey(base, hour), all.version(), () -> {
            Instant hourStart = Instant.ofEpochSecond(hour * HOUR);
            // Nothing listed is two days old before the hour ends, however late in it this copy is served.
            Instant since = hourStart.plusSeconds(HOUR).minus(NEWS_WINDOW);
            SiteUrls urls = SiteUrls.at(base);
            List<SitemapWriter.NewsUrl> articles = read(c -> entries.findPublishedAfter(c, since, NEWS_MAX)).stream()
                    .map(a -> new SitemapWriter.NewsUrl(urls.entryPage(a.id()), a.title(), a.publishedAt())).toList();
            byte[] bytes = writer.news(config.publish().siteTitle(), FeedAssembler.LANGUAGE, articles);
            Instant modified = all.changedAt().isAfter(hourStart) ? all.changedAt() : hourStart;
            return rendered(all.version(), XML, bytes, modified, urls.newsSitemap());
        });
    }

    public RenderedDocument cachedSitemap(String base, int page) {
        Long version = knownSiteVersion();
        return version == null ? null : cache.cached(new SitemapKey(base, page), version);
    }

    /**
     * {@code /sitemap.xml} ({@code page} 0) or one page of its index (blocking).
     *
     * @throws ProblemException not found for a page the index does not have
     */
    public RenderedDocument sitemap(String base, int page) {
        ContentVersion all = allVersion();
        Long topicsKnown = versions.topicsVersion();
        ContentVersion topicsAt = topicsKnown != null ? new ContentVersion(topicsKnown, versions.topicsChangedAt())
                : versions.loadTopicsVersion();
        long version = all.version() + topicsAt.version();
        Instant modified = all.changedAt().isAfter(topicsAt.changedAt()) ? all.changedAt() : topicsAt.changedAt();
        return cache.current(new SitemapKey(base, page), version, () -> {
            SitemapPlan at = plan(version, base);
            SiteUrls urls = SiteUrls.at(base);
            byte[] bytes;
            if (page == 0 && at.isIndex()) {
                List<SitemapWriter.Url> pages = new ArrayList<>();
                for (int n = 1; n <= at.pages(); n++) {
                    pages.add(new SitemapWriter.Url(urls.sitemapPage(n), null));
                }
                bytes = writer.index(pages);
            } else if (page == 0 || (at.isIndex() && page <= at.pages())) {
                bytes = writer.urlset(urls(at, page == 0 ? 1 : page, urls));
            } else {
                throw ProblemException.notFound(at.isIndex() ? "the sitemap has " + at.pages() + " pages"
                        : "the sitemap is one document: " + urls.sitemap());
            }
            return rendered(version, XML, bytes, modified, page == 0 ? urls.sitemap() : urls.sitemapPage(page));
        });
    }

    /** robots.txt: crawl the pages and feeds, not the admin, its API or the ops endpoints; here are the sitemaps. */
    public RenderedDocument robots(String base) {
        return cache.current(new RobotsKey(base), 0, () -> {
            SiteUrls urls = SiteUrls.at(base);
            String text = """
                    # %s: pages and feeds are for everyone; the editor, its API and the ops endpoints are not.
                    User-agent: *
                    Allow: /
                    Disallow: /admin
                    Disallow: /api
                    Disallow: /q

                    Sitemap: %s
                    Sitemap: %s
                    """.formatted(config.publish().siteTitle(), urls.sitemap(), urls.newsSitemap());
            return rendered(0, TEXT, text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, urls.base() + SiteUrls.ROBOTS);
        });
    }

    public RenderedDocument cachedRobots(String base) {
        return cache.cached(new RobotsKey(base), 0);
    }

    private List<SitemapWriter.Url> urls(SitemapPlan at, int page, SiteUrls urls) {
        SitemapPlan.Slice slice = at.slice(page);
        List<SitemapWriter.Url> list = new ArrayList<>(slice.head());
        if (slice.articleCount() > 0) {
            Long fromId = at.starts().get(slice.articleFrom());
            // The plan was made at this version: an article deleted since moves the version, and the next request renders anew.
            long from = fromId == null ? Long.MAX_VALUE : fromId;
            read(c -> entries.findFrom(c, from, slice.articleCount())).forEach(a ->
                    list.add(new SitemapWriter.Url(urls.entryPage(a.id()), a.updatedAt())));
        }
        return list;
    }

    /** The plan at this version: kept while the version (and the database's generation) stays. */
    private SitemapPlan plan(long version, String base) {
        SitemapPlan known = plan;
        long generation = versions.generation();
        int max = config.publish().sitemapMaxUrls();
        if (known != null && known.version() == version && known.generation() == generation
                && known.head().get(0).loc().equals(SiteUrls.at(base).home())) {
            return known;
        }
        List<Topic> all = QuarkusTransaction.joiningExisting().call(topics::listByLabel);
        SitemapPlan made = read(c -> {
            Map<FeedKey, Instant> changed = new HashMap<>();
            feedVersionRows.findAll(c).forEach(row -> changed.put(row.key(), row.changedAt()));
            List<SitemapWriter.Url> head = head(SiteUrls.at(base), all, changed);
            long articles = entries.countArticles(c);
            List<Long> positions = SitemapPlan.startPositions(head.size(), articles, max);
            return new SitemapPlan(generation, version, head, articles, max, entries.findIdsAt(c, positions));
        });
        plan = made;
        return made;
    }

    /** The home page (changed when any topic's feed did) and every topic's page (when its feed did). */
    private static List<SitemapWriter.Url> head(SiteUrls urls, List<Topic> all, Map<FeedKey, Instant> changed) {
        List<SitemapWriter.Url> head = new ArrayList<>();
        Instant latest = Instant.EPOCH;
        for (Topic t : all) {
            Instant at = changed.get(t.feedKey());
            latest = at != null && at.isAfter(latest) ? at : latest;
            head.add(new SitemapWriter.Url(urls.topicPage(t.slug), at));
        }
        head.add(0, new SitemapWriter.Url(urls.home(), latest.equals(Instant.EPOCH) ? null : latest));
        return head;
    }

    private Long knownSiteVersion() {
        ContentVersion all = versions.known(FeedKey.all());
        Long topicsVersion = versions.topicsVersion();
        return all == null || topicsVersion == null ? null : all.version() + topicsVersion;
    }

    private ContentVersion allVersion() {
        ContentVersion all = versions.known(FeedKey.all());
        if (all == null) {
            all = versions.load(FeedKey.all());
        }
        return all != null ? all : new ContentVersion(0, Instant.EPOCH);
    }

    private RenderedDocument rendered(long version, String contentType, byte[] bytes, Instant modified, String self) {
        renders.increment();
        return RenderedDocument.of(version, contentType, null, bytes, modified, null, self);
    }

    /** Reads on a connection of its own: the sitemaps' reads are single statements that need no transaction. */
    private <T> T read(Jdbc.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the sitemap's pages failed", e);
        }
    }
}
