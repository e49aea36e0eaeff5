package dev.warta.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.WartaConfig;
import dev.warta.entry.EntryView;
import dev.warta.entry.EntryViews;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/** Server-rendered HTML pages; each advertises its feeds with {@code <link rel="alternate">}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class PageResource {

    static final int PAGE_ENTRIES = 50;

    private final TopicRepository topics;
    private final EntryViews entries;
    private final PublicUrl publicUrl;
    private final String siteTitle;

    PageResource(TopicRepository topics, EntryViews entries, PublicUrl publicUrl, WartaConfig config) {
        this.topics = topics;
        this.entries = entries;
        this.publicUrl = publicUrl;
        this.siteTitle = config.publish().siteTitle();
    }

    /** A feed a page advertises. */
    public record FeedLink(String title, String type, String href) {
        /** The format's short name, for subscribe buttons. */
        public String format() {
            return switch (type) {
                case "application/atom+xml" -> "Atom";
                case "application/rss+xml" -> "RSS";
                case "application/feed+json" -> "JSON Feed";
                default -> type;
            };
        }
    }

    public record TopicSummary(String slug, String label, long entries, List<EntryView> latest) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String site, String base, List<FeedLink> feeds, List<TopicSummary> topics);

        static native TemplateInstance topic(String site, String base, List<FeedLink> feeds, String label, String slug,
                List<EntryView> entries);

        static native TemplateInstance entry(String site, String base, List<FeedLink> feeds, EntryView entry,
                List<EntryView> linkedFrom);
    }

    @GET
    @Transactional
    @Operation(summary = "Home page: topics with their latest entries")
    public TemplateInstance index(@Context UriInfo uri) {
        String base = publicUrl.base(uri);
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : topics.entryCounts()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        List<TopicSummary> summaries = topics.listByLabel().stream()
                .map(t -> new TopicSummary(t.slug, t.label, counts.getOrDefault(t.id, 0L), entries.latestInTopic(t.id, 5, base)))
                .toList();
        return Templates.index(siteTitle, base, allFeeds(base), summaries);
    }

    @GET
    @Path("topics/{slug}")
    @Transactional
    @Operation(summary = "A topic's page with its entries and feed links")
    public TemplateInstance topic(@PathParam("slug") String slug, @Context UriInfo uri) {
        String base = publicUrl.base(uri);
        Topic topic = topics.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("no topic with slug \"" + slug + "\""));
        return Templates.topic(siteTitle, base, topicFeeds(base, topic.slug, topic.label), topic.label, topic.slug,
                entries.latestInTopic(topic.id, PAGE_ENTRIES, base));
    }

    @GET
    @Path("entries/{id}")
    @Operation(summary = "An entry's page: the article, or a stub with the articles that name it")
    public TemplateInstance entry(@PathParam("id") long id, @Context UriInfo uri) {
        String base = publicUrl.base(uri);
        EntryView entry = entries.find(id, base).orElseThrow(() -> ProblemException.notFound("no entry with id " + id));
        List<FeedLink> feeds = entry.topics().stream()
                .flatMap(t -> topicFeeds(base, t.slug(), t.label()).stream()).toList();
        return Templates.entry(siteTitle, base, feeds.isEmpty() ? allFeeds(base) : feeds, entry, entries.linking(id, base));
    }

    static List<FeedLink> topicFeeds(String base, String slug, String label) {
        return List.of(
                new FeedLink(label + " (Atom)", "application/atom+xml", base + "/feeds/topics/" + slug + ".atom"),
                new FeedLink(label + " (RSS)", "application/rss+xml", base + "/feeds/topics/" + slug + ".rss"),
                new FeedLink(label + " (JSON Feed)", "application/feed+json", base + "/feeds/topics/" + slug + ".json"));
    }

    private List<FeedLink> allFeeds(String base) {
        return siteFeeds(base, siteTitle);
    }

    /** The feeds of every entry, as every page that has no topic of its own advertises them. */
    public static List<FeedLink> siteFeeds(String base, String siteTitle) {
        return List.of(
                new FeedLink(siteTitle + " (Atom)", "application/atom+xml", base + "/feeds/all.atom"),
                new FeedLink(siteTitle + " (RSS)", "application/rss+xml", base + "/feeds/all.rss"),
                new FeedLink(siteTitle + " (JSON Feed)", "application/feed+json", base + "/feeds/all.json"));
    }

    /** Template helpers: dates as the newsroom writes them. */
    @TemplateExtension
    static class Formats {
        private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
        private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm 'WIB'",
                Locale.forLanguageTag("id"));
        private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("id"));

        static String longDate(Instant instant) {
            return LONG.format(instant.atZone(JAKARTA));
        }

        static String shortDate(Instant instant) {
            return SHORT.format(instant.atZone(JAKARTA));
        }

        static String iso(Instant instant) {
            return instant.toString();
        }
    }
}
