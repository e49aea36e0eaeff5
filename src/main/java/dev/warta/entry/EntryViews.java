package dev.warta.entry;

import java.util.Comparator;
import java.util.List;
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
    private final TopicRepository topics;

    EntryViews(EntryRepository entries, TopicRepository topics) {
        this.entries = entries;
        this.topics = topics;
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
     * The newest entries, of one topic when {@code topicSlug} is given.
     *
     * @throws ProblemException not found (field {@code topic}) when no topic has the slug
     */
    @Transactional
    public List<EntryView> list(String topicSlug, int limit, String base) {
        if (topicSlug == null) {
            return latest(limit, base);
        }
        Topic topic = topics.findBySlug(topicSlug).orElseThrow(
                () -> ProblemException.notFound("no topic with slug \"" + topicSlug + "\"").with("field", "topic"));
        return latestInTopic(topic.id, limit, base);
    }

    @Transactional
    public List<EntryView> latestInTopic(long topicId, int limit, String base) {
        return entries.latestInTopic(topicId, limit).stream().map(e -> view(e, base, false)).toList();
    }

    @Transactional
    public List<EntryView> latest(int limit, String base) {
        return entries.latest(limit).stream().map(e -> view(e, base, false)).toList();
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

    static EntryView view(Entry e, String base, boolean withContent) {
        List<EntryView.TopicRef> topics = e.topics.stream()
                .sorted(Comparator.comparing((Topic t) -> t.label.toLowerCase()))
                .map(t -> new EntryView.TopicRef(t.slug, t.label)).toList();
        List<EntryView.RelatedView> related = e.related.stream()
                .map(r -> new EntryView.RelatedView(r.title, r.url, r.target == null ? null : r.target.id,
                        r.target != null ? link(r.target, base) : r.url))
                .toList();
        return new EntryView(e.id, e.kind.dbValue(), e.isStub(), e.title, e.summary,
                new Byline(e.author, e.editor, e.reporter, e.publisher, e.city, e.credit), e.publishedAt, e.updatedAt, link(e, base), e.url, SiteUrls.at(base).entryPage(e.id), topics,
                related, withContent ? e.contentHtml : null, e.imageUrl,
                e.sourceFeedUrl == null ? null : new EntryView.SourceRef(e.sourceId, e.sourceTitle, e.sourceFeedUrl, e.sourceSiteUrl));
    }
}
