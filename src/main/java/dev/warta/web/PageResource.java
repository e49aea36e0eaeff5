package dev.warta.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.PublicUrl;
import dev.warta.entry.EntryView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/** Server-rendered HTML pages; each advertises its feeds with {@code <link rel="alternate">}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class PageResource {

    private final PageViews pages;
    private final PublicUrl publicUrl;

    PageResource(PageViews pages, PublicUrl publicUrl) {
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String site, String base, List<FeedLink> feeds, List<PageViews.TopicSummary> topics);

        static native TemplateInstance topic(String site, String base, List<FeedLink> feeds, String label, String slug,
                List<EntryView> entries);

        static native TemplateInstance entry(String site, String base, List<FeedLink> feeds, EntryView entry,
                List<EntryView> linkedFrom);
    }

    @GET
    @Operation(summary = "Home page: topics with their latest entries")
    public TemplateInstance index(@Context UriInfo uri) {
        String base = publicUrl.base(uri);
        PageViews.Home home = pages.home(base);
        return Templates.index(pages.siteTitle(), base, home.feeds(), home.topics());
    }

    @GET
    @Path("topics/{slug}")
    @Operation(summary = "A topic's page with its entries and feed links")
    public TemplateInstance topic(@PathParam("slug") String slug, @Context UriInfo uri) {
        String base = publicUrl.base(uri);
        PageViews.TopicPage page = pages.topic(slug, base);
        return Templates.topic(pages.siteTitle(), base, page.feeds(), page.label(), page.slug(), page.entries());
    }

    @GET
    @Path("entries/{id}")
    @Operation(summary = "An entry's page: the article, or a stub with the articles that name it")
    public TemplateInstance entry(@PathParam("id") long id, @Context UriInfo uri) {
        String base = publicUrl.base(uri);
        PageViews.EntryPage page = pages.entry(id, base);
        return Templates.entry(pages.siteTitle(), base, page.feeds(), page.entry(), page.linkedFrom());
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
