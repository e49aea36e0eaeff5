package dev.warta.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
 * The feeds' way into the {@link RenderCache}: a feed document is kept by feed (a search's by its normalized query),
 * variant, format, page, size and base URL with the feed's {@code feed_version} (a search's: the all-entries one), so
 * serving an unchanged feed renders nothing and reads no entries. {@link #cached} answers without blocking (the event
 * loop asks it); {@link #current} renders on a miss (worker threads only).
 */
@ApplicationScoped
public class PublishedFeeds {

    static final String OPML_CONTENT_TYPE = "text/x-opml;charset=utf-8";
    static final String XSL_CONTENT_TYPE = "text/xsl;charset=utf-8";
    /** Browsers render these (through the XSLT); they show feed media types as text or download them. */
    static final String XML_FOR_BROWSERS = "application/xml;charset=utf-8";
    static final String JSON_FOR_BROWSERS = "application/json;charset=utf-8";

    private record OpmlKey(String base) {
    }

    private final FeedAssembler assembler;
    private final AtomWriter atom;
    private final RssWriter rss;
    private final JsonFeedWriter json;
    private final OpmlWriter opml;
    private final TopicRepository topics;
    private final FeedVersions versions;
    private final RenderCache cache;
    private final WartaConfig config;
    private final Counter renders;
    private volatile RenderedDocument stylesheet;

    PublishedFeeds(FeedAssembler assembler, AtomWriter atom, RssWriter rss, JsonFeedWriter json, OpmlWriter opml,
            TopicRepository topics, FeedVersions versions, RenderCache cache, WartaConfig config, MeterRegistry metrics) {
        this.assembler = assembler;
        this.atom = atom;
        this.rss = rss;
        this.json = json;
        this.opml = opml;
        this.topics = topics;
        this.versions = versions;
        this.cache = cache;
        this.config = config;
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
    public RenderedDocument cached(FeedTarget target) {
        FeedKey feedKey = target.slug() == null ? FeedKey.all() : versions.topicKey(target.slug());
        ContentVersion known = feedKey == null ? null : versions.known(feedKey);
        return known == null ? null : cache.cached(target.key(), known.version());
    }

    /**
     * The current document, rendered if needed (blocking: worker threads only).
     *
     * @throws ProblemException not found when no topic has the slug
     */
    public RenderedDocument current(FeedTarget target) {
        FeedKey feedKey = feedKey(target);
        // The version is read before the entries: what is rendered is at least as new as the label it gets.
        ContentVersion version = versions.known(feedKey);
        if (version == null) {
            version = versions.load(feedKey);
        }
        if (version == null) {
            throw ProblemException.notFound("no topic with slug \"" + target.slug() + "\"");
        }
        ContentVersion at = version;
        if (target.isSearch()) {
            // Anyone can name a new search in every request: kept only while the cache has room to spare.
            return cache.currentIfRoom(target.key(), at.version(), () -> render(target, at));
        }
        return cache.current(target.key(), at.version(), () -> render(target, at));
    }

    /** The cached OPML list when current, without blocking. */
    public RenderedDocument cachedOpml(String base) {
        Long known = versions.topicsVersion();
        return known == null ? null : cache.cached(new OpmlKey(base), known);
    }

    /** The current OPML list of every topic's Atom feed (blocking); it follows every topic's feed (labels). */
    public RenderedDocument opml(String base) {
        Long known = versions.topicsVersion();
        ContentVersion at = known != null ? new ContentVersion(known, versions.topicsChangedAt()) : versions.loadTopicsVersion();
        return cache.current(new OpmlKey(base), at.version(), () -> {
            List<OpmlWriter.Outline> outlines = QuarkusTransaction.joiningExisting().call(() -> topics.listByLabel().stream()
                    .map(t -> new OpmlWriter.Outline(t.slug, t.label)).toList());
            ContentVersion all = versions.known(FeedKey.all());
            Instant modified = !at.changedAt().equals(Instant.EPOCH) || all == null ? at.changedAt() : all.changedAt();
            byte[] bytes = opml.write(config.publish().siteTitle() + ": semua topik", base, outlines, modified);
            renders.increment();
            String self = SiteUrls.at(base).opml();
            return RenderedDocument.of(at.version(), OPML_CONTENT_TYPE, XML_FOR_BROWSERS, bytes, modified,
                    "<" + self + ">; rel=\"self\"", self);
        });
    }

    /** The XSLT that shows Atom and RSS feeds as pages in a browser; the same bytes for every base URL. */
    public RenderedDocument stylesheet() {
        RenderedDocument s = stylesheet;
        if (s == null) {
            try (InputStream in = PublishedFeeds.class.getResourceAsStream("/feed.xsl")) {
                byte[] bytes = in.readAllBytes();
                s = RenderedDocument.of(0, XSL_CONTENT_TYPE, null, bytes, Instant.EPOCH, null, null);
                stylesheet = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s;
    }

    /** The addresses, in every format, of the feed of every entry and of these topics' feeds (blocking). */
    public List<String> feedUrls(Collection<Long> topicIds, String base) {
        List<String> slugs = new ArrayList<>();
        slugs.add(null);
        QuarkusTransaction.joiningExisting().run(() -> topicIds.stream().sorted()
                .map(topics::findById).filter(Objects::nonNull)
                .forEach(t -> slugs.add(t.slug)));
        SiteUrls urls = SiteUrls.at(base);
        List<String> feeds = new ArrayList<>();
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
     * @throws ProblemException not found when no topic has the slug
     */
    public FeedKey feedKey(FeedTarget target) {
        return target.slug() == null ? FeedKey.all() : topicKey(target.slug());
    }

    /**
     * The key of a topic's feed, remembered once read (blocking).
     *
     * @throws ProblemException not found when no topic has the slug
     */
    public FeedKey topicKey(String slug) {
        FeedKey key = versions.topicKey(slug);
        if (key != null) {
            return key;
        }
        Optional<Topic> topic = QuarkusTransaction.joiningExisting().call(() -> topics.findBySlug(slug));
        Topic t = topic.orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + slug + "\""));
        versions.rememberTopic(slug, t.id);
        return t.feedKey();
    }

    private RenderedDocument render(FeedTarget target, ContentVersion version) {
        PublishedFeed feed = target.isSearch() ? assembler.searchFeed(target.search(), target.page(), target.base())
                : target.isAll() ? assembler.allFeed(target.page(), target.base())
                : assembler.topicFeed(target.slug(), target.page(), target.base())
                        .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + target.slug() + "\""));
        FeedFormat format = target.format();
        byte[] bytes = switch (format) {
            case ATOM -> atom.write(feed);
            case RSS -> rss.write(feed);
            case JSON -> json.write(feed);
        };
        renders.increment();
        List<PublishedFeed.NavigationLink> header = new ArrayList<>(feed.navigation(format));
        header.addAll(feed.otherFormats(format));
        String links = RenderedDocument.linkHeader(header);
        return RenderedDocument.of(version.version(), format.contentType(),
                format == FeedFormat.JSON ? JSON_FOR_BROWSERS : XML_FOR_BROWSERS, bytes, version.changedAt(), links,
                feed.selfUrl(format));
    }
}
