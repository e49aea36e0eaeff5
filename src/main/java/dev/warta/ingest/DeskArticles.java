package dev.warta.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.Digests;
import dev.warta.LeadImage;
import dev.warta.entry.Byline;
import dev.warta.topic.Slugs;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicClassifiers;
import dev.warta.topic.TopicService;

/** Prepares a desk draft for matching and storing (see {@link DeskArticle}); runs in the ingest transaction. */
@ApplicationScoped
class DeskArticles {

    private final TopicService topics;
    private final TopicClassifiers classifiers;
    private final EntityManager em;

    DeskArticles(TopicService topics, TopicClassifiers classifiers, EntityManager em) {
        this.topics = topics;
        this.classifiers = classifiers;
        this.em = em;
    }

    /** Refuses a draft no entry can be made of, before any transaction starts. */
    static void validate(EntryDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw new IllegalArgumentException("an entry needs a title");
        }
        if (TitleKey.of(draft.title()).isEmpty()) {
            throw new IllegalArgumentException("the title has no letters or digits");
        }
    }

    /** A topic a draft goes in: a stored topic, or (in a preview only) a label no topic has yet, {@code id} null. */
    record DraftTopic(Long id, String slug, String label) {
        static DraftTopic of(Topic topic) {
            return new DraftTopic(topic.id, topic.slug, topic.label);
        }
    }

    DeskArticle prepare(EntryDraft draft) {
        String titleKey = TitleKey.of(draft.title());
        String contentHtml = HtmlSanitizer.clean(draft.contentHtml());
        Collection<DraftTopic> draftTopics = topics(draft, label -> DraftTopic.of(topics.findOrCreate(label)));
        // Addresses are compared in one form, whichever path brought them (see LinkCanonicalizer).
        String url = LinkCanonicalizer.canonical(draft.url());
        Set<Long> ids = draftTopics.stream().map(DraftTopic::id).collect(Collectors.toUnmodifiableSet());
        return new DeskArticle(draft, draft.title().strip(), titleKey, url, contentHtml, draft.image(),
                ids, contentHash(draft, contentHtml, draftTopics), related(draft, titleKey, url));
    }

    /** The topics publishing the draft would put it in, creating nothing: what previews and dry runs show. */
    List<DraftTopic> previewTopics(EntryDraft draft) {
        return List.copyOf(topics(draft, label -> {
            // The label as TopicService.findOrCreate would create it.
            String clean = label.strip().replaceAll("\\s+", " ");
            String slug = Slugs.of(clean);
            return topics.findBySlug(slug).map(DraftTopic::of).orElseGet(() -> new DraftTopic(null, slug, clean));
        }));
    }

    /**
     * The one decision of a draft's topics, for publishing and previews alike: its own labels ({@code byLabel} finds
     * each one's topic), then those the topic rules give it, where the draft's labels count as its categories. Each
     * topic once, in that order.
     */
    private Collection<DraftTopic> topics(EntryDraft draft, Function<String, DraftTopic> byLabel) {
        Map<String, DraftTopic> bySlug = new LinkedHashMap<>();
        for (String label : draft.topics()) {
            DraftTopic topic = byLabel.apply(label);
            bySlug.putIfAbsent(topic.slug(), topic);
        }
        for (Long topicId : classifiers.current().classify(draft.title(), draft.summary(), draft.topics())) {
            Topic topic = em.find(Topic.class, topicId);
            bySlug.putIfAbsent(topic.slug, DraftTopic.of(topic));
        }
        return bySlug.values();
    }

    /** The lines that name another article: with a title, not this article's own title or address. */
    private static List<EntryDraft.RelatedDraft> related(EntryDraft draft, String titleKey, String url) {
        List<EntryDraft.RelatedDraft> lines = new ArrayList<>();
        for (EntryDraft.RelatedDraft related : draft.related()) {
            if (related.title() == null || TitleKey.of(related.title()).isEmpty()
                    || TitleKey.of(related.title()).equals(titleKey)
                    || (url != null && url.equals(LinkCanonicalizer.canonical(related.url())))) {
                continue;
            }
            lines.add(related);
        }
        return lines;
    }

    /** Everything an edit can change, in the form it always had: a draft without image digests as before. */
    private static String contentHash(EntryDraft draft, String contentHtml, Collection<DraftTopic> topics) {
        Byline by = draft.byline();
        StringBuilder s = new StringBuilder();
        for (String field : Arrays.asList(draft.title().strip(), draft.summary(), contentHtml, by.author(), by.editor(),
                by.reporter(), by.publisher(), by.city(), by.credit(), draft.url())) {
            s.append(field == null ? "" : field.strip()).append('\u001f');
        }
        topics.stream().map(DraftTopic::slug).sorted().forEach(slug -> s.append(slug).append('\u001e'));
        for (EntryDraft.RelatedDraft r : draft.related()) {
            s.append(r.title()).append('\u001d').append(r.url() == null ? "" : r.url()).append('\u001e');
        }
        // Appended only when present, so that the digest of a draft without them is what it always was.
        LeadImage image = draft.image();
        if (image != null) {
            s.append("image\u001f").append(image.url().strip());
            if (!image.equals(LeadImage.of(image.url()))) {
                s.append('\u001f').append(image.type()).append('\u001f').append(image.width()).append('\u001f')
                        .append(image.height()).append('\u001f').append(image.caption()).append('\u001f').append(image.credit());
            }
        }
        return Digests.sha256Hex(s.toString());
    }
}
