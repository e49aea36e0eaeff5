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

import dev.warta.WartaConfig;
import dev.warta.entry.Entry;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryViews;
import dev.warta.entry.RelatedLink;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;

/** Reads the entries of a feed and builds its format-independent {@link PublishedFeed}. */
@ApplicationScoped
public class FeedAssembler {

    static final String LANGUAGE = "id";

    private final EntryRepository entries;
    private final TopicRepository topics;
    private final WartaConfig config;

    FeedAssembler(EntryRepository entries, TopicRepository topics, WartaConfig config) {
        this.entries = entries;
        this.topics = topics;
        this.config = config;
    }

    /** The topic's feed, or empty when no topic has this slug. */
    @Transactional
    public Optional<PublishedFeed> topicFeed(String slug, int limit, String base) {
        return topics.findBySlug(slug).map(topic -> {
            List<Entry> latest = entries.latestInTopic(topic.id, limit);
            return new PublishedFeed(
                    stableId("topic:" + topic.slug),
                    topic.label,
                    "Berita terbaru tentang " + topic.label + " dari " + config.publish().siteTitle(),
                    updated(latest, topic.createdAt),
                    base,
                    "/feeds/topics/" + topic.slug,
                    base + "/topics/" + topic.slug,
                    LANGUAGE,
                    config.publish().siteTitle(),
                    latest.stream().map(e -> entry(e, base)).toList());
        });
    }

    @Transactional
    public PublishedFeed allFeed(int limit, String base) {
        List<Entry> latest = entries.latest(limit);
        String site = config.publish().siteTitle();
        return new PublishedFeed(
                stableId("all"),
                site,
                "Semua berita dari " + site,
                updated(latest, Instant.EPOCH),
                base,
                "/feeds/all",
                base + "/",
                LANGUAGE,
                site,
                latest.stream().map(e -> entry(e, base)).toList());
    }

    private PublishedFeed.PublishedEntry entry(Entry e, String base) {
        List<PublishedFeed.Category> categories = e.topics.stream()
                .sorted(Comparator.comparing((Topic t) -> t.label.toLowerCase()))
                .map(t -> new PublishedFeed.Category(t.slug, t.label, base + "/topics/"))
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
                e.imageUrl,
                e.sourceFeedUrl == null ? null
                        : new PublishedFeed.PublishedSource(e.sourceFeedUrl, e.sourceTitle, e.sourceFeedUrl, e.sourceSiteUrl));
    }

    private static Instant updated(List<Entry> entries, Instant fallback) {
        return entries.stream().map(e -> e.updatedAt).max(Comparator.naturalOrder()).orElse(fallback);
    }

    /** A feed id that survives restarts and a change of public URL. */
    static String stableId(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("warta:feed:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
