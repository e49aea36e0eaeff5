package dev.warta.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.SiteUrls;
import dev.warta.WartaConfig;
import dev.warta.entry.Entry;
import dev.warta.entry.EntryList;
import dev.warta.entry.EntryPager;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryViews;
import dev.warta.entry.ListPage;
import dev.warta.entry.RelatedLink;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;

/** Reads the entries of a feed and builds its format-independent {@link PublishedFeed}. */
@ApplicationScoped
public class FeedAssembler {

    static final String LANGUAGE = "id";

    private final EntryPager pager;
    private final EntryRepository entries;
    private final TopicRepository topics;
    private final WartaConfig config;

    FeedAssembler(EntryPager pager, EntryRepository entries, TopicRepository topics, WartaConfig config) {
        this.pager = pager;
        this.entries = entries;
        this.topics = topics;
        this.config = config;
    }

    /** The topic's feed, or empty when no topic has this slug. */
    @Transactional
    public Optional<PublishedFeed> topicFeed(String slug, int limit, String base) {
        return topicFeed(slug, ListPage.first(limit), base);
    }

    /** A page of the topic's feed, or empty when no topic has this slug. */
    @Transactional
    public Optional<PublishedFeed> topicFeed(String slug, ListPage page, String base) {
        return topics.findBySlug(slug).map(topic -> {
            Page entries = page(topic.id, page);
            return new PublishedFeed(
                    feedId(topic.slug),
                    topic.label,
                    "Berita terbaru tentang " + topic.label + " dari " + config.publish().siteTitle(),
                    updated(entries.entries(), topic.createdAt),
                    base,
                    SiteUrls.feedPath(topic.slug),
                    SiteUrls.at(base).topicPage(topic.slug),
                    LANGUAGE,
                    config.publish().siteTitle(),
                    entries.entries().stream().map(e -> entry(e, base)).toList(),
                    hubs(base),
                    entries.paging());
        });
    }

    @Transactional
    public PublishedFeed allFeed(int limit, String base) {
        return allFeed(ListPage.first(limit), base);
    }

    @Transactional
    public PublishedFeed allFeed(ListPage page, String base) {
        Page entries = page(null, page);
        String site = config.publish().siteTitle();
        return new PublishedFeed(
                feedId(null),
                site,
                "Semua berita dari " + site,
                updated(entries.entries(), Instant.EPOCH),
                base,
                SiteUrls.feedPath(null),
                SiteUrls.at(base).home(),
                LANGUAGE,
                site,
                entries.entries().stream().map(e -> entry(e, base)).toList(),
                hubs(base),
                entries.paging());
    }

    /** Warta's own hub, then the external one when configured. */
    List<String> hubs(String base) {
        List<String> hubs = new ArrayList<>();
        hubs.add(SiteUrls.at(base).hub());
        config.websub().externalHub().map(Object::toString).ifPresent(hubs::add);
        return List.copyOf(hubs);
    }

    private record Page(List<Entry> entries, PublishedFeed.Paging paging) {
    }

    /** A page of the feed's entries and its paging links' query strings ({@code limit} only when not the default). */
    private Page page(Long topicId, ListPage page) {
        EntryList list = pager.page(topicId, page);
        String sizeQuery = page.limit() == config.publish().defaultLimit() ? "" : "limit=" + page.limit();
        String next = list.older() == null ? null : join(sizeQuery, "before=" + list.older());
        String previous = list.newer() == null ? null : join(sizeQuery, "after=" + list.newer());
        return new Page(list.entries(), new PublishedFeed.Paging(join(sizeQuery, page.cursorQuery()), sizeQuery, next, previous));
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "&" + b;
    }

    private PublishedFeed.PublishedEntry entry(Entry e, String base) {
        List<PublishedFeed.Category> categories = e.topics.stream()
                .sorted(Comparator.comparing((Topic t) -> t.label.toLowerCase()))
                .map(t -> new PublishedFeed.Category(t.slug, t.label, SiteUrls.at(base).topicPages()))
                .toList();
        List<PublishedFeed.Related> related = new ArrayList<>();
        for (RelatedLink link : e.related) {
            String href = link.target != null ? EntryViews.link(link.target, base) : link.url;
            if (href != null) {
                related.add(new PublishedFeed.Related(link.title, href));
            }
        }
        List<String> contributors = e.editor == null ? List.of() : List.of(e.editor);
        return new PublishedFeed.PublishedEntry(
                "urn:uuid:" + e.uid,
                e.title,
                EntryViews.link(e, base),
                e.publishedAt,
                e.updatedAt,
                e.author,
                contributors,
                e.summary,
                e.contentHtml,
                categories,
                related,
                e.isStub(),
                e.isStub() ? linkedFrom(e) : List.of(),
                e.leadImage(),
                e.sourceFeedUrl == null ? null
                        : new PublishedFeed.PublishedSource(e.sourceFeedUrl, e.sourceTitle, e.sourceFeedUrl, e.sourceSiteUrl));
    }

    /** The titles of the articles that link a stub, oldest link first (by id: the same bytes in every process). */
    private List<String> linkedFrom(Entry stub) {
        return entries.linking(stub.id).stream().sorted(Comparator.comparing((Entry l) -> l.id)).map(l -> l.title).toList();
    }

    private static Instant updated(List<Entry> entries, Instant fallback) {
        return entries.stream().map(e -> e.updatedAt).max(Comparator.naturalOrder()).orElse(fallback);
    }

    /**
     * A feed id that survives restarts and a change of public URL: a name-based UUID of {@code all} or
     * {@code topic:<slug>} (names fixed since the first release; they are not {@code feed_version} keys).
     */
    static String feedId(String slug) {
        String name = slug == null ? "all" : "topic:" + slug;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("warta:feed:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
