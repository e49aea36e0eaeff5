package dev.warta.entry;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.topic.Topic;

/** Reads entries and maps them to {@link EntryView}s; {@code base} is the absolute base URL for links. */
@ApplicationScoped
public class EntryViews {

    private final EntryRepository entries;

    EntryViews(EntryRepository entries) {
        this.entries = entries;
    }

    @Transactional
    public Optional<EntryView> find(long id, String base) {
        return entries.findByIdOptional(id).map(e -> view(e, base, true));
    }

    @Transactional
    public List<EntryView> latestInTopic(long topicId, int limit, String base) {
        return entries.latestInTopic(topicId, limit).stream().map(e -> view(e, base, false)).toList();
    }

    @Transactional
    public List<EntryView> latest(int limit, String base) {
        return entries.latest(limit).stream().map(e -> view(e, base, false)).toList();
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

    public static String page(String base, long id) {
        return base + "/entries/" + id;
    }

    public static String link(Entry e, String base) {
        return e.url != null ? e.url : page(base, e.id);
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
                new Byline(e.author, e.editor, e.reporter, e.publisher, e.city, e.credit), e.publishedAt, e.updatedAt, link(e, base), e.url, page(base, e.id), topics,
                related, withContent ? e.contentHtml : null, e.imageUrl,
                e.sourceFeedUrl == null ? null : new EntryView.SourceRef(e.sourceId, e.sourceTitle, e.sourceFeedUrl, e.sourceSiteUrl));
    }
}
