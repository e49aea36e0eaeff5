package dev.warta.entry;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;

/** Reads entries and maps them to {@link EntryView}s; {@code base} is the absolute base URL for links. */
@ApplicationScoped
public class EntryViews {

    private final EntryRepository entries;
    private final EntryPager pager;
    private final TopicRepository topics;

    EntryViews(EntryRepository entries, EntryPager pager, TopicRepository topics) {
        this.entries = entries;
        this.pager = pager;
        this.topics = topics;
    }

    /** A page of entries as views, with the cursors of the pages next to it (null where there is none). */
    public record Listed(List<EntryView> entries, Cursor older, Cursor newer) {
    }

    @Transactional
    public Optional<EntryView> find(long id, String base) {
        return entries.findByIdOptional(id).map(e -> view(e, base, true));
    }

    /** @throws ProblemException not found when there is no such entry */
    @Transactional
    public EntryView get(long id, String base) {
        return find(id, base).orElseThrow(() -> ProblemException.notFound("no entry with id " + id));
    }

    /**
     * A page of the newest entries, of one topic when {@code topicSlug} is given.
     *
     * @throws ProblemException not found (field {@code topic}) when no topic has the slug
     */
    @Transactional
    public Listed list(String topicSlug, ListPage page, String base) {
        Long topicId = null;
        if (topicSlug != null) {
            Topic topic = topics.findBySlug(topicSlug).orElseThrow(
                    () -> ProblemException.notFound("no topic with slug \"" + topicSlug + "\"").with("field", "topic"));
            topicId = topic.id;
        }
        return listed(pager.page(topicId, page), base);
    }

    /** A page of the topic's entries, without content. */
    @Transactional
    public Listed inTopic(long topicId, ListPage page, String base) {
        return listed(pager.page(topicId, page), base);
    }

    @Transactional
    public List<EntryView> latestInTopic(long topicId, int limit, String base) {
        return inTopic(topicId, ListPage.first(limit), base).entries();
    }

    @Transactional
    public List<EntryView> latest(int limit, String base) {
        return listed(pager.page(null, ListPage.first(limit)), base).entries();
    }

    /** The entries with these ids, in the order of the ids (a search's ranking); ids no longer stored are skipped. */
    @Transactional
    public List<EntryView> inOrder(List<Long> ids, String base) {
        Map<Long, Entry> byId = new HashMap<>();
        // Panache loads them in one go; an id whose entry was deleted meanwhile comes back as null.
        entries.<Entry>findByIds(ids).stream().filter(e -> e != null).forEach(e -> byId.put(e.id, e));
        return ids.stream().filter(byId::containsKey).map(id -> view(byId.get(id), base, false)).toList();
    }

    /** Articles that list this entry under "Baca juga". */
    @Transactional
    public List<EntryView> linking(long id, String base) {
        return entries.linking(id).stream().map(e -> view(e, base, false)).toList();
    }

    /** Where a reader goes for an entry: the article's own address when known, else Warta's page for it. */
    public static String link(Entry e, String base) {
        return e.url != null ? e.url : SiteUrls.at(base).entryPage(e.id);
    }

    private static Listed listed(EntryList list, String base) {
        return new Listed(list.entries().stream().map(e -> view(e, base, false)).toList(), list.older(), list.newer());
    }

    static EntryView view(Entry e, String base, boolean withContent) {
        List<EntryView.TopicRef> topics = e.topics.stream()
                .sorted(Comparator.comparing((Topic t) -> t.label.toLowerCase()))
                .map(t -> new EntryView.TopicRef(t.slug, t.label)).toList();
        List<EntryView.RelatedView> related = e.related.stream()
                .map(r -> new EntryView.RelatedView(r.title, r.url, r.target == null ? null : r.target.id,
                        r.target != null ? link(r.target, base) : r.url))
                .toList();
        return new EntryView(e.id, e.kind.dbValue(), e.isStub(), e.title, e.summary,
                new Byline(e.author, e.editor, e.reporter, e.publisher, e.city, e.credit), e.publishedAt, e.publishedDayOnly, e.updatedAt, link(e, base),
                e.url, SiteUrls.at(base).entryPage(e.id), topics, related, withContent ? e.contentHtml : null, e.imageUrl, EntryView.ImageDetails.of(e),
                e.sourceFeedUrl == null ? null : new EntryView.SourceRef(e.sourceId, e.sourceTitle, e.sourceFeedUrl, e.sourceSiteUrl));
    }
}
