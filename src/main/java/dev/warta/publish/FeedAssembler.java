package dev.warta.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import dev.warta.entry.Cursor;
import dev.warta.entry.EntryList;
import dev.warta.entry.EntryPager;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryViews;
import dev.warta.entry.ListPage;
import dev.warta.entry.RelatedLink;
import dev.warta.search.SearchCursor;
import dev.warta.search.SearchQuery;
import dev.warta.search.SearchService;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;

/** Reads the entries of a feed and builds its format-independent {@link PublishedFeed}. */
@ApplicationScoped
public class FeedAssembler {

    static final String LANGUAGE = "id";

    private final EntryPager pager;
    private final EntryRepository entries;
    private final TopicRepository topics;
    private final SearchService search;
    private final WartaConfig config;

    FeedAssembler(EntryPager pager, EntryRepository entries, TopicRepository topics, SearchService search,
            WartaConfig config) {
        this.pager = pager;
        this.entries = entries;
        this.topics = topics;
        this.search = search;
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
            Page entries = page(page, "", pager.page(topic.id, page));
            return new PublishedFeed(
                    feedId("topic:" + topic.slug, page),
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
        Page entries = page(page, "", pager.page(null, page));
        String site = config.publish().siteTitle();
        return new PublishedFeed(
                feedId("all", page),
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

    /**
     * A page of the entries matching a search, in feed order, as a feed: its links keep {@code q} (and
     * {@code stubs=false}), its page is {@code /search?q=}. No hub: a search is read, not pushed (WebSub subscribers
     * take the site's or a topic's feed).
     */
    @Transactional
    public PublishedFeed searchFeed(SearchQuery query, ListPage page, String base) {
        String q = query.text();
        EntryPager.Positions matches = (from, older, limit) -> search.positions(query, searchCursor(from), older,
                page.withStubs(), limit).stream().map(FeedAssembler::cursor).toList();
        Page entries = page(page, "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), pager.page(page, matches));
        String site = config.publish().siteTitle();
        return new PublishedFeed(
                feedId("search:" + q, page),
                "Pencarian: " + q,
                "Entri " + site + " yang cocok dengan pencarian \u201c" + q + "\u201d",
                updated(entries.entries(), Instant.EPOCH),
                base,
                SiteUrls.SEARCH_FEED,
                SiteUrls.at(base).searchPage(q),
                LANGUAGE,
                site,
                entries.entries().stream().map(e -> entry(e, base)).toList(),
                List.of(),
                entries.paging());
    }

    private static Optional<SearchCursor> searchCursor(Cursor at) {
        return at == null ? Optional.empty()
                : Optional.of(new SearchCursor(ChronoUnit.MICROS.between(Instant.EPOCH, at.published()), at.id()));
    }

    private static Cursor cursor(SearchCursor at) {
        return new Cursor(Instant.EPOCH.plus(at.publishedMicros(), ChronoUnit.MICROS), at.id());
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

    /**
     * A page of the feed's entries and its paging links' query strings: the feed's own parameters ({@code named}, a
     * search's {@code q}), then {@code stubs=false} for that variant, {@code limit} when not the default, the cursor.
     */
    private Page page(ListPage page, String named, EntryList list) {
        String variant = join(named, page.variantQuery());
        String fixed = join(variant, page.limit() == config.publish().defaultLimit() ? "" : "limit=" + page.limit());
        String next = list.older() == null ? null : join(fixed, "before=" + list.older());
        String previous = list.newer() == null ? null : join(fixed, "after=" + list.newer());
        return new Page(list.entries(),
                new PublishedFeed.Paging(join(fixed, page.cursorQuery()), fixed, next, previous, variant));
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
        return feedId(slug == null ? "all" : "topic:" + slug, ListPage.first(1));
    }

    /** The id of a feed's variant: the feed without stubs is another feed (it holds other entries). */
    private static String feedId(String name, ListPage page) {
        String variant = page.withStubs() ? name : name + ";stubs=false";
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("warta:feed:" + variant).getBytes(StandardCharsets.UTF_8));
    }
}
