package dev.warta.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.warta.FeedFormat;
import dev.warta.FeedKey;
import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The rendered-feed cache and its one way in. A document is kept by feed, format, page, size and base URL
 * together with the feed's content version; it is valid while {@link FeedVersions} knows that version, so
 * serving an unchanged feed renders nothing and reads no entries. {@link #cached} answers without blocking
 * (the event loop asks it); {@link #current} renders on a miss (worker threads only), once per document
 * however many requests miss together.
 */
@ApplicationScoped
public class PublishedFeeds {

    static final String OPML_CONTENT_TYPE = "text/x-opml;charset=utf-8";
    static final String XSL_CONTENT_TYPE = "text/xsl;charset=utf-8";
    /** Browsers render these (through the XSLT); they show feed media types as text or download them. */
    static final String XML_FOR_BROWSERS = "application/xml;charset=utf-8";
    static final String JSON_FOR_BROWSERS = "application/json;charset=utf-8";

    private final FeedAssembler assembler;
    private final AtomWriter atom;
    private final RssWriter rss;
    private final JsonFeedWriter json;
    private final OpmlWriter opml;
    private final TopicRepository topics;
    private final FeedVersions versions;
    private final WartaConfig config;
    private final Cache<Object, RenderedFeed> cache;
    private final Map<Object, CompletableFuture<RenderedFeed>> rendering = new ConcurrentHashMap<>();
    private final Counter renders;
    private volatile RenderedFeed stylesheet;

    PublishedFeeds(FeedAssembler assembler, AtomWriter atom, RssWriter rss, JsonFeedWriter json, OpmlWriter opml,
            TopicRepository topics, FeedVersions versions, WartaConfig config, MeterRegistry metrics) {
        this.assembler = assembler;
        this.atom = atom;
        this.rss = rss;
        this.json = json;
        this.opml = opml;
        this.topics = topics;
        this.versions = versions;
        this.config = config;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.publish().cacheMaxBytes())
                .weigher((Object k, RenderedFeed v) -> v.weight())
                .build();
        this.renders = Counter.builder("warta.feeds.renders").description("Feed documents rendered (cache misses)")
                .register(metrics);
    }

    public int defaultLimit() {
        return config.publish().defaultLimit();
    }

    public int maxLimit() {
        return config.publish().maxLimit();
    }

    /** How many documents were rendered since start: a request served from the cache adds nothing. */
    public double renderCount() {
        return renders.count();
    }

    /** The cached document when it is current, without blocking; null when it must be rendered. */
    public RenderedFeed cached(FeedTarget target) {
        FeedKey feedKey = target.isAll() ? FeedKey.all() : versions.topicKey(target.slug());
        if (feedKey == null) {
            return null;
        }
        FeedVersions.Version known = versions.known(feedKey);
        RenderedFeed hit = cache.getIfPresent(target.key());
        return known != null && isCurrent(hit, feedKey, known.version()) ? hit : null;
    }

    /**
     * The current document, rendered if needed (blocking: worker threads only).
     *
     * @throws ProblemException 404 when no topic has the slug
     */
    public RenderedFeed current(FeedTarget target) {
        FeedKey feedKey = feedKey(target);
        // The version is read before the entries: what is rendered is at least as new as the label it gets.
        FeedVersions.Version version = versions.known(feedKey);
        if (version == null) {
            version = versions.load(feedKey);
        }
        if (version == null) {
            throw ProblemException.notFound("no topic with slug \"" + target.slug() + "\"");
        }
        RenderedFeed hit = cache.getIfPresent(target.key());
        if (isCurrent(hit, feedKey, version.version())) {
            return hit;
        }
        FeedVersions.Version at = version;
        return once(target.key(), () -> render(target, feedKey, at));
    }

    /** The current OPML list of every topic's Atom feed (blocking). */
    public RenderedFeed opml(String base) {
        Object key = List.of("opml", base);
        long stamp = versions.topicsStamp();
        RenderedFeed hit = cache.getIfPresent(key);
        if (hit != null && versions.live() && hit.version() == stamp && hit.generation() == versions.generation()) {
            return hit;
        }
        return once(key, () -> {
            long generation = versions.generation();
            List<OpmlWriter.Outline> outlines = QuarkusTransaction.joiningExisting().call(() -> topics.listByLabel().stream()
                    .map(t -> new OpmlWriter.Outline(t.slug, t.label)).toList());
            FeedVersions.Version all = versions.known(FeedKey.all());
            Instant modified = all != null ? all.changedAt() : Instant.now();
            byte[] bytes = opml.write(config.publish().siteTitle() + ": semua topik", base, outlines, modified);
            renders.increment();
            String self = SiteUrls.at(base).opml();
            RenderedFeed rendered = RenderedFeed.of(null, stamp, generation, OPML_CONTENT_TYPE, XML_FOR_BROWSERS, bytes, modified,
                    "<" + self + ">; rel=\"self\"", self);
            cache.put(key, rendered);
            return rendered;
        });
    }

    /** The cached OPML when current, without blocking. */
    public RenderedFeed cachedOpml(String base) {
        RenderedFeed hit = cache.getIfPresent(List.of("opml", base));
        return hit != null && versions.live() && hit.version() == versions.topicsStamp()
                && hit.generation() == versions.generation() ? hit : null;
    }

    /** The XSLT that shows Atom and RSS feeds as pages in a browser; the same bytes for every base URL. */
    public RenderedFeed stylesheet() {
        RenderedFeed s = stylesheet;
        if (s == null) {
            try (InputStream in = PublishedFeeds.class.getResourceAsStream("/feed.xsl")) {
                byte[] bytes = in.readAllBytes();
                s = RenderedFeed.of(null, 0, 0, XSL_CONTENT_TYPE, null, bytes, Instant.EPOCH, null, null);
                stylesheet = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s;
    }

    private boolean isCurrent(RenderedFeed hit, FeedKey feedKey, long version) {
        return hit != null && hit.version() == version && feedKey.equals(hit.feedKey())
                && hit.generation() == versions.generation();
    }

    /** The addresses, in every format, of the feed of every entry and of these topics' feeds (blocking). */
    public List<String> feedUrls(java.util.Collection<Long> topicIds, String base) {
        List<String> slugs = new java.util.ArrayList<>();
        slugs.add(null);
        QuarkusTransaction.joiningExisting().run(() -> topicIds.stream().sorted()
                .map(topics::findById).filter(java.util.Objects::nonNull)
                .forEach(t -> slugs.add(t.slug)));
        SiteUrls urls = SiteUrls.at(base);
        List<String> feeds = new java.util.ArrayList<>();
        for (String slug : slugs) {
            for (FeedFormat format : FeedFormat.values()) {
                feeds.add(urls.feed(slug, format));
            }
        }
        return feeds;
    }

    /**
     * The {@code feed_version} key of the feed a target names (blocking).
     *
     * @throws ProblemException 404 when no topic has the slug
     */
    public FeedKey feedKey(FeedTarget target) {
        return target.isAll() ? FeedKey.all() : topicKey(target.slug());
    }

    private FeedKey topicKey(String slug) {
        FeedKey key = versions.topicKey(slug);
        if (key != null) {
            return key;
        }
        Optional<Topic> topic = QuarkusTransaction.joiningExisting().call(() -> topics.findBySlug(slug));
        Topic t = topic.orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + slug + "\""));
        versions.rememberTopic(slug, t.id);
        return t.feedKey();
    }

    private RenderedFeed render(FeedTarget target, FeedKey feedKey, FeedVersions.Version version) {
        long generation = versions.generation();
        PublishedFeed feed = target.isAll()
                ? assembler.allFeed(target.page(), target.base())
                : assembler.topicFeed(target.slug(), target.page(), target.base())
                        .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + target.slug() + "\""));
        FeedFormat format = target.format();
        byte[] bytes = switch (format) {
            case ATOM -> atom.write(feed);
            case RSS -> rss.write(feed);
            case JSON -> json.write(feed);
        };
        renders.increment();
        String links = RenderedFeed.linkHeader(feed.navigation(format));
        RenderedFeed rendered = RenderedFeed.of(feedKey, version.version(), generation, format.contentType(),
                format == FeedFormat.JSON ? JSON_FOR_BROWSERS : XML_FOR_BROWSERS, bytes,
                version.changedAt(), links, feed.selfUrl(format));
        cache.put(target.key(), rendered);
        return rendered;
    }

    /** Renders a document once however many threads ask for it together. */
    private RenderedFeed once(Object key, java.util.function.Supplier<RenderedFeed> work) {
        CompletableFuture<RenderedFeed> mine = new CompletableFuture<>();
        CompletableFuture<RenderedFeed> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        try {
            RenderedFeed result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }
}
