package dev.warta.publish;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Http.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.rome.feed.synd.SyndEntry;

import dev.warta.FakeSite;
import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import dev.warta.poll.Sources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lead images leave Warta as Media RSS in RSS and Atom, read back with Rome's Media RSS module, and as JSON Feed's
 * {@code image}: for a desk article and for upstream items whose image came from {@code media:content}, an
 * {@code enclosure} and an {@code <img>} (the fixture served by a fake upstream, polled, the topic feed read back).
 */
@QuarkusTest
class MediaRssFeedsTest {

    static final String DESK_TITLE = "Panen Raya di Subak Jatiluwih";

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    FakeSite upstream;
    String base;

    @BeforeEach
    void pollAndPublish() {
        db.clear();
        base = root.toString().replaceAll("/$", "");
        upstream = new FakeSite();
        upstream.serve("/feed/rss.xml", "application/rss+xml", dev.warta.Fixtures.resource("feeds/images.xml").getBytes(StandardCharsets.UTF_8));
        Sources.subscribe(upstream.url("/feed/rss.xml"), "Foto");
        given().auth().oauth2(TOKEN).contentType("application/json").body(Map.of(
                "title", DESK_TITLE,
                "contentHtml", "<p>Petani memanen padi.</p>",
                "published", "2022-12-21T10:00:00+07:00",
                "image", Map.of("url", "https://foto.warta.example/2022/12/jatiluwih.jpg", "width", 1280, "height", 720,
                        "caption", "Petani memanen padi di Jatiluwih", "credit", "Made Wirya"),
                "topics", List.of("Foto")))
                .post("/api/articles").then().statusCode(201);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private byte[] feed(String extension) {
        HttpResponse<byte[]> r = get(base + "/feeds/topics/foto" + extension);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static MediaEntryModule media(List<SyndEntry> entries, String title) {
        SyndEntry entry = entries.stream().filter(e -> title.equals(e.getTitle())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
        assertThat(entry.getModule(MediaModule.URI)).as("Media RSS of " + title).isInstanceOf(MediaEntryModule.class);
        return (MediaEntryModule) entry.getModule(MediaModule.URI);
    }

    /** One media:content of the image, with the thumbnail beside it; null expectations mean "not written". */
    private static void assertImage(MediaEntryModule media, String url, String type, Integer width, Integer height,
            String description, String credit) {
        assertThat(media.getMediaContents()).hasSize(1);
        MediaContent content = media.getMediaContents()[0];
        assertThat(content.getReference()).hasToString(url);
        assertThat(content.getMedium()).isEqualTo("image");
        assertThat(content.getType()).isEqualTo(type);
        assertThat(content.getWidth()).isEqualTo(width);
        assertThat(content.getHeight()).isEqualTo(height);
        assertThat(content.getMetadata().getDescription()).isEqualTo(description);
        if (credit == null) {
            assertThat(content.getMetadata().getCredits()).isEmpty();
        } else {
            assertThat(content.getMetadata().getCredits()).singleElement().satisfies(c -> assertThat(c.getName()).isEqualTo(credit));
        }
        Thumbnail[] thumbnails = media.getMetadata().getThumbnail();
        assertThat(thumbnails).hasSize(1);
        assertThat(thumbnails[0].getUrl()).hasToString(url);
        assertThat(thumbnails[0].getWidth()).isEqualTo(width);
        assertThat(thumbnails[0].getHeight()).isEqualTo(height);
    }

    private void assertEveryImage(List<SyndEntry> entries) {
        assertImage(media(entries, DESK_TITLE), "https://foto.warta.example/2022/12/jatiluwih.jpg", "image/jpeg", 1280, 720,
                "Petani memanen padi di Jatiluwih", "Made Wirya");
        assertImage(media(entries, "Dari media content"), "https://img.example/a.jpg", "image/jpeg", 800, 450,
                "Sawah di Bali pagi hari", "Budi Santoso");
        assertImage(media(entries, "Dari enclosure"), upstream.url("/gambar/b.png"), "image/png", null, null, null, null);
        assertImage(media(entries, "Dari img"), "https://foto.example/berita/3/c.jpg?w=640&h=360", "image/jpeg", 640, 360,
                null, null);
    }

    @Test
    void theRssFeedCarriesEachLeadImageAsMediaRss() {
        byte[] rss = feed(".rss");
        assertThat(new String(rss, StandardCharsets.UTF_8)).contains("xmlns:media=\"http://search.yahoo.com/mrss/\"");
        FeedReader.rss(rss);
        assertEveryImage(FeedReader.synd(rss).getEntries());
    }

    @Test
    void theAtomFeedCarriesEachLeadImageAsMediaRss() {
        byte[] atom = feed(".atom");
        assertThat(new String(atom, StandardCharsets.UTF_8)).contains("xmlns:media=\"http://search.yahoo.com/mrss/\"");
        FeedReader.atom(atom);
        assertEveryImage(FeedReader.synd(atom).getEntries());
    }

    @Test
    void entriesWithoutImageCarryNone() {
        List<SyndEntry> entries = FeedReader.synd(feed(".atom")).getEntries();
        SyndEntry refused = entries.stream().filter(e -> "Alamat yang ditolak".equals(e.getTitle())).findFirst().orElseThrow();
        assertThat(refused.getModule(MediaModule.URI)).isNull();
    }

    @Test
    void theJsonFeedGivesAnUpstreamItemsImage() throws Exception {
        JsonNode items = new ObjectMapper().readTree(feed(".json")).get("items");
        Map<String, String> images = new java.util.HashMap<>();
        items.forEach(i -> images.put(i.get("title").asText(), i.path("image").asText(null)));
        assertThat(images).containsEntry("Dari media content", "https://img.example/a.jpg")
                .containsEntry("Dari enclosure", upstream.url("/gambar/b.png"))
                .containsEntry("Dari img", "https://foto.example/berita/3/c.jpg?w=640&h=360")
                .containsEntry(DESK_TITLE, "https://foto.warta.example/2022/12/jatiluwih.jpg")
                .containsEntry("Alamat yang ditolak", null);
    }
}
