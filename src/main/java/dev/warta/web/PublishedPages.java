package dev.warta.web;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.FeedKey;
import dev.warta.ProblemException;
import dev.warta.publish.ContentVersion;
import dev.warta.publish.EntryVersions;
import dev.warta.publish.FeedVersions;
import dev.warta.publish.PublishedFeeds;
import dev.warta.publish.RenderCache;
import dev.warta.publish.RenderedDocument;

/**
 * The pages' way into the render cache the feeds use ({@code publish.RenderCache}): each page is kept with the version
 * of what it shows, read from the database's version tables, so an unchanged page is served with no query and no
 * rendering, and a change in any process reaches this one as it does for feeds. The home page follows every topic's
 * feed version (it lists them all), a topic page its topic's feed version, an entry page its own {@code entry_version}
 * (the entry, its topics and labels, its lines and the articles that name it: not the whole site's). {@code web}
 * reads {@code publish} here; {@code publish} knows nothing of pages.
 */
@ApplicationScoped
public class PublishedPages {

    private final FeedVersions feeds;
    private final EntryVersions entries;
    private final PublishedFeeds publishedFeeds;
    private final RenderCache cache;
    private final PageRenderer renderer;

    PublishedPages(FeedVersions feeds, EntryVersions entries, PublishedFeeds publishedFeeds, RenderCache cache,
            PageRenderer renderer) {
        this.feeds = feeds;
        this.entries = entries;
        this.publishedFeeds = publishedFeeds;
        this.cache = cache;
        this.renderer = renderer;
    }

    /** The kept page when it is current, without blocking; null when it must be rendered (or its version read). */
    public RenderedDocument cached(PageTarget target) {
        Long known = knownVersion(target);
        return known == null ? null : cache.cached(target, known);
    }

    /**
     * The current page, rendered if needed (blocking: worker threads only).
     *
     * @throws ProblemException not found when the topic or entry does not exist
     */
    public RenderedDocument current(PageTarget target) {
        if (target instanceof PageTarget.Home home) {
            Long known = feeds.topicsVersion();
            ContentVersion at = known != null ? new ContentVersion(known, feeds.topicsChangedAt()) : feeds.loadTopicsVersion();
            return cache.current(target, at.version(), () -> renderer.home(home.base(), at));
        }
        if (target instanceof PageTarget.TopicPage topic) {
            ContentVersion at = feedVersion(publishedFeeds.topicKey(topic.slug()));
            return cache.current(target, at.version(), () -> renderer.topic(topic, at));
        }
        if (target instanceof PageTarget.FeedPage page) {
            ContentVersion at = feedVersion(publishedFeeds.feedKey(page.feed()));
            return cache.current(target, at.version(), () -> renderer.feedPage(page.feed(), at));
        }
        PageTarget.EntryPage entry = (PageTarget.EntryPage) target;
        // Read on every miss: the version's time is the page's Last-Modified when a line or a linker moved it.
        ContentVersion at = entries.load(entry.id());
        return cache.current(target, at.version(), () -> renderer.entry(entry.id(), entry.base(), at));
    }

    private ContentVersion feedVersion(FeedKey key) {
        ContentVersion known = feeds.known(key);
        return known != null ? known : feeds.load(key);
    }

    private Long knownVersion(PageTarget target) {
        if (target instanceof PageTarget.Home) {
            return feeds.topicsVersion();
        }
        if (target instanceof PageTarget.TopicPage topic) {
            return knownVersion(feeds.topicKey(topic.slug()));
        }
        if (target instanceof PageTarget.FeedPage page) {
            return knownVersion(page.feed().isAll() ? FeedKey.all() : feeds.topicKey(page.feed().slug()));
        }
        return entries.known(((PageTarget.EntryPage) target).id());
    }

    private Long knownVersion(FeedKey key) {
        ContentVersion known = key == null ? null : feeds.known(key);
        return known == null ? null : known.version();
    }
}
