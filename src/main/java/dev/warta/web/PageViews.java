package dev.warta.web;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.entry.Cursor;
import dev.warta.entry.EntryView;
import dev.warta.entry.EntryViews;
import dev.warta.entry.ListPage;
import dev.warta.publish.FeedTarget;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;

/** What each HTML page shows, read in one transaction per page and mapped to the records its template takes. */
@ApplicationScoped
public class PageViews {

    static final int HOME_ENTRIES = 5;

    private final TopicRepository topics;
    private final EntryViews entries;
    private final String siteTitle;

    PageViews(TopicRepository topics, EntryViews entries, WartaConfig config) {
        this.topics = topics;
        this.entries = entries;
        this.siteTitle = config.publish().siteTitle();
    }

    /** A topic on the home page: its entry count and newest entries. */
    public record TopicSummary(String slug, String label, long entries, List<EntryView> latest) {
    }

    public record Home(List<FeedLink> feeds, List<TopicSummary> topics) {
    }

    /** A page of a topic's entries; {@code older} and {@code newer} are the addresses of the pages next to it, or null. */
    public record TopicPage(List<FeedLink> feeds, String slug, String label, List<EntryView> entries, String older,
            String newer) {
    }

    public record EntryPage(List<FeedLink> feeds, EntryView entry, List<EntryView> linkedFrom) {
    }

    /**
     * A feed opened in a browser: the entries the feed document holds, its own address ({@code self}) to copy into a
     * feed reader, and the pages next to it in the same format. {@code slug} and {@code page} are null for every entry.
     */
    public record FeedPage(List<FeedLink> feeds, String slug, String label, FeedLink self, String page,
            List<EntryView> entries, String older, String newer) {
    }

    public String siteTitle() {
        return siteTitle;
    }

    /** Topics in the order of their newest entries (the liveliest first), as each section lists its own. */
    @Transactional
    public Home home(String base) {
        Map<Long, Long> counts = topics.countEntries();
        List<TopicSummary> summaries = topics.listByLatestEntry().stream()
                .map(t -> new TopicSummary(t.slug, t.label, counts.getOrDefault(t.id, 0L),
                        entries.latestInTopic(t.id, HOME_ENTRIES, base)))
                .toList();
        return new Home(FeedLink.site(base, siteTitle), summaries);
    }

    /** @throws ProblemException not found when no topic has the slug */
    @Transactional
    public TopicPage topic(String slug, ListPage page, String base) {
        Topic topic = topics.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + slug + "\""));
        EntryViews.Listed listed = entries.inTopic(topic.id, page, base);
        String here = SiteUrls.at(base).topicPage(topic.slug);
        return new TopicPage(FeedLink.topic(base, topic.slug, topic.label), topic.slug, topic.label, listed.entries(),
                link(here, "before", listed.older()), link(here, "after", listed.newer()));
    }

    /**
     * An entry page advertises its topics' feeds, or the site's when it has none.
     *
     * @throws ProblemException not found when there is no such entry
     */
    @Transactional
    public EntryPage entry(long id, String base) {
        EntryView entry = entries.get(id, base);
        List<FeedLink> feeds = entry.topics().stream().flatMap(t -> FeedLink.topic(base, t.slug(), t.label()).stream()).toList();
        return new EntryPage(feeds.isEmpty() ? FeedLink.site(base, siteTitle) : feeds, entry, entries.linking(id, base));
    }

    /** @throws ProblemException not found when no topic has the slug */
    @Transactional
    public FeedPage feed(FeedTarget target) {
        String base = target.base();
        SiteUrls urls = SiteUrls.at(base);
        String label = siteTitle;
        List<FeedLink> feeds = FeedLink.site(base, siteTitle);
        EntryViews.Listed listed;
        if (target.isAll()) {
            listed = entries.list(null, target.page(), base);
        } else {
            Topic topic = topics.findBySlug(target.slug())
                    .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + target.slug() + "\""));
            label = topic.label;
            feeds = FeedLink.topic(base, topic.slug, topic.label);
            listed = entries.inTopic(topic.id, target.page(), base);
        }
        // The variant without stubs stays itself: the address to copy, the other formats and the pages keep stubs=false.
        String variant = target.page().variantQuery();
        if (!variant.isEmpty()) {
            feeds = feeds.stream().map(f -> new FeedLink(f.title(), f.type(), f.href() + "?" + variant)).toList();
        }
        String here = urls.feed(target.slug(), target.format()) + (variant.isEmpty() ? "" : "?" + variant);
        FeedLink self = feeds.stream().filter(f -> f.type().equals(target.format().mediaType())).findFirst().orElseThrow();
        return new FeedPage(feeds, target.slug(), label, self, target.isAll() ? null : urls.topicPage(target.slug()),
                listed.entries(), link(here, "before", listed.older()), link(here, "after", listed.newer()));
    }

    private static String link(String page, String parameter, Cursor cursor) {
        return cursor == null ? null : page + (page.contains("?") ? "&" : "?") + parameter + "=" + cursor;
    }
}
