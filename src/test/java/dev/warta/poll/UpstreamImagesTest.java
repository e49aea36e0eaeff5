package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.fixture;
import static dev.warta.poll.PollingFlowTest.entry;
import static dev.warta.poll.PollingFlowTest.entryWithTitle;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Upstream items' lead images stored with what their source says of them (issue 10, "Media"), read back through
 * {@code /api/entries/{id}}: {@code image} is the address, {@code imageDetails} type, size, caption and credit.
 */
@QuarkusTest
class UpstreamImagesTest {

    @Inject
    TestDatabase db;

    FakeSite upstream;

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    private static JsonPath stored(String title) {
        return entry(entryWithTitle(title).get("id"));
    }

    @Test
    void storesEachItemsImageWithItsMetadata() {
        upstream.serve("/feed/rss.xml", "application/rss+xml", fixture("images.xml"));
        Sources.subscribe(upstream.url("/feed/rss.xml"), "Foto");

        JsonPath media = stored("Dari media content");
        assertThat(media.getString("image")).isEqualTo("https://img.example/a.jpg");
        assertThat(media.getMap("imageDetails")).isEqualTo(Map.of("type", "image/jpeg", "width", 800, "height", 450,
                "caption", "Sawah di Bali pagi hari", "credit", "Budi Santoso"));

        JsonPath enclosure = stored("Dari enclosure");
        assertThat(enclosure.getString("image")).as("relative to the feed's address").isEqualTo(upstream.url("/gambar/b.png"));
        assertThat(enclosure.getMap("imageDetails")).isEqualTo(Map.of("type", "image/png"));

        JsonPath img = stored("Dari img");
        assertThat(img.getString("image")).isEqualTo("https://foto.example/berita/3/c.jpg?w=640&h=360");
        assertThat(img.getMap("imageDetails")).isEqualTo(Map.of("width", 640, "height", 360));

        JsonPath group = stored("Dari media group");
        assertThat(group.getString("image")).isEqualTo("https://img.example/d.webp");
        assertThat(group.getMap("imageDetails")).isEqualTo(Map.of("type", "image/webp", "width", 1200, "height", 675,
                "caption", "Banjir di Jakarta", "credit", "Antara"));

        JsonPath thumbnail = stored("Dari media thumbnail");
        assertThat(thumbnail.getString("image")).isEqualTo("https://img.example/e-kecil.jpg");
        assertThat(thumbnail.getMap("imageDetails")).isEqualTo(Map.of("width", 120, "height", 90));

        JsonPath refused = stored("Alamat yang ditolak");
        assertThat(refused.getString("image")).as("data: and javascript: are refused").isNull();
        assertThat(refused.getMap("imageDetails")).isNull();
    }

    @Test
    void anUpstreamEditOfTheImageIsStored() {
        String before = """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title>
                <link>https://f.example/</link><description>d</description>
                <item><title>Berganti foto</title><link>https://f.example/1</link><guid>f-1</guid>
                <media:content url="https://img.example/lama.jpg" medium="image"/></item></channel></rss>""";
        upstream.serve("/rss.xml", "application/rss+xml", before.getBytes(StandardCharsets.UTF_8));
        long source = Sources.subscribe(upstream.url("/rss.xml"));
        assertThat(stored("Berganti foto").getString("image")).isEqualTo("https://img.example/lama.jpg");

        String after = before.replace("<media:content url=\"https://img.example/lama.jpg\" medium=\"image\"/>",
                "<media:content url=\"https://img.example/baru.jpg\" medium=\"image\" width=\"640\"><media:credit>Rina</media:credit></media:content>");
        upstream.serve("/rss.xml", "application/rss+xml", after.getBytes(StandardCharsets.UTF_8));
        Sources.refresh(source);
        JsonPath edited = stored("Berganti foto");
        assertThat(edited.getString("image")).isEqualTo("https://img.example/baru.jpg");
        assertThat(edited.getMap("imageDetails")).isEqualTo(Map.of("width", 640, "credit", "Rina"));
    }
}
