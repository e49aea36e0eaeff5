package dev.warta.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.entry.EntryView;
import dev.warta.publish.ContentVersion;
import dev.warta.publish.FeedTarget;
import dev.warta.publish.RenderedDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders the HTML pages with their Qute templates into {@link RenderedDocument}s, at the version the caller read
 * before this reads what the page shows. Each page advertises its feeds with {@code <link rel="alternate">}.
 */
@ApplicationScoped
public class PageRenderer {

    static final String HTML = "text/html;charset=utf-8";

    private final PageViews views;
    private final Counter renders;

    PageRenderer(PageViews views, MeterRegistry metrics) {
        this.views = views;
        this.renders = Counter.builder("warta.pages.renders").description("HTML pages rendered (cache misses)")
                .register(metrics);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String site, String base, List<FeedLink> feeds, List<PageViews.TopicSummary> topics);

        static native TemplateInstance topic(String site, String base, List<FeedLink> feeds, String label, String slug,
                List<EntryView> entries, String older, String newer);

        static native TemplateInstance feed(String site, String base, List<FeedLink> feeds, PageViews.FeedPage page);

        static native TemplateInstance entry(String site, String base, List<FeedLink> feeds, EntryView entry,
                List<EntryView> linkedFrom);

        static native TemplateInstance problem(String site, String base, List<FeedLink> feeds, int status, String heading);
    }

    /** How many pages were rendered since start: a request served from the cache adds nothing. */
    public double renderCount() {
        return renders.count();
    }

    RenderedDocument home(String base, ContentVersion at) {
        PageViews.Home home = views.home(base);
        return document(at.version(), Templates.index(views.siteTitle(), base, home.feeds(), home.topics()), at.changedAt(),
                null);
    }

    RenderedDocument topic(PageTarget.TopicPage target, ContentVersion at) {
        PageViews.TopicPage page = views.topic(target.slug(), target.page(), target.base());
        List<String> links = new ArrayList<>();
        if (page.older() != null) {
            links.add("<" + page.older() + ">; rel=\"next\"");
        }
        if (page.newer() != null) {
            links.add("<" + page.newer() + ">; rel=\"prev\"");
        }
        return document(at.version(), Templates.topic(views.siteTitle(), target.base(), page.feeds(), page.label(), page.slug(),
                page.entries(), page.older(), page.newer()), at.changedAt(), links.isEmpty() ? null : String.join(", ", links));
    }

    /** A feed's address as a browser is shown it: the feed's entries and how to subscribe to it. */
    RenderedDocument feedPage(FeedTarget target, ContentVersion at) {
        PageViews.FeedPage page = views.feed(target);
        List<String> links = new ArrayList<>();
        if (page.older() != null) {
            links.add("<" + page.older() + ">; rel=\"next\"");
        }
        if (page.newer() != null) {
            links.add("<" + page.newer() + ">; rel=\"prev\"");
        }
        return document(at.version(), Templates.feed(views.siteTitle(), target.base(), page.feeds(), page), at.changedAt(),
                links.isEmpty() ? null : String.join(", ", links));
    }

    /** An entry page last changed when the entry did, or when its version last moved (a line, a label, a linker). */
    RenderedDocument entry(long id, String base, ContentVersion at) {
        PageViews.EntryPage page = views.entry(id, base);
        Instant modified = page.entry().updated().isAfter(at.changedAt()) ? page.entry().updated() : at.changedAt();
        return document(at.version(), Templates.entry(views.siteTitle(), base, page.feeds(), page.entry(), page.linkedFrom()),
                modified, null);
    }

    /**
     * A problem as a browser is shown it: the status in Indonesian words, in the site's layout. Not kept (a wrong address
     * is not worth a cache entry) and not counted among the renders of pages; it reads nothing, so the event loop may
     * render it.
     */
    byte[] problem(String base, int status) {
        String heading = switch (status) {
            case 404 -> "Halaman tidak ditemukan";
            case 400 -> "Alamat tidak dapat dibaca";
            default -> "Terjadi kesalahan";
        };
        return Templates.problem(views.siteTitle(), base, FeedLink.site(base, views.siteTitle()), status, heading).render()
                .getBytes(StandardCharsets.UTF_8);
    }

    private RenderedDocument document(long version, TemplateInstance page, Instant modified, String links) {
        byte[] bytes = page.render().getBytes(StandardCharsets.UTF_8);
        renders.increment();
        return RenderedDocument.of(version, HTML, null, bytes, modified, links, null);
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

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy",
                Locale.forLanguageTag("id"));

        /** A day-only date (the source gave no time: midnight in Jakarta) as the day alone, never "00:00 WIB". */
        static String dayDate(Instant instant) {
            return DAY.format(instant.atZone(JAKARTA));
        }

        /** The entry's publication as the newsroom writes it: the day alone when the source gave only the day. */
        static String publishedText(EntryView entry) {
            return entry.publishedDayOnly() ? dayDate(entry.published()) : longDate(entry.published());
        }

        static String shortDate(Instant instant) {
            return SHORT.format(instant.atZone(JAKARTA));
        }

        static String iso(Instant instant) {
            return instant.toString();
        }
    }
}
