package dev.warta.article;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;

import dev.warta.FakeSite;
import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import dev.warta.poll.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A summary-only upstream (a feed whose items carry a line each, and the items' pages as news articles on the same
 * loopback site) subscribed with {@code fullText}: the pages' bodies become the entries' content.
 */
@QuarkusTest
class FullTextSourceTest {

    private static final String FIRST = "Paragraf pertama berita satu: banjir merendam ratusan rumah warga di pinggir sungai sejak subuh.";
    private static final String SECOND = "Paragraf kedua berita satu: petugas membuka posko pengungsian di masjid dan sekolah terdekat.";
    private static final String OTHER = "Berita dua bercerita panjang tentang harga cabai yang naik menjelang akhir tahun di pasar induk.";

    @Inject
    TestDatabase db;

    @Inject
    FullTextWorker worker;

    FakeSite site;

    @BeforeEach
    void start() {
        db.clear();
        site = new FakeSite();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aFullTextSourceStoresEachItemsPageBodyAndItsFeedsCarryIt() {
        servePages();
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."),
                item("2", "Harga Cabai Naik", "/berita/2", "Ringkasan cabai."));
        long id = subscribe(true);
        awaitPages(id, 2, 0);

        JsonPath one = entryTitled("Banjir Rendam Rumah");
        assertThat(one.getString("contentHtml")).contains(FIRST, SECOND).contains("<p>");
        assertThat(one.getString("summary")).as("the feed's summary stays").isEqualTo("Ringkasan banjir.");
        assertThat(entryTitled("Harga Cabai Naik").getString("contentHtml")).contains(OTHER);
        Feed atom = FeedReader.atom(given().get("/feeds/all.atom").then().statusCode(200).extract().asByteArray());
        Entry published = atom.getEntries().stream().filter(e -> e.getTitle().equals("Banjir Rendam Rumah")).findFirst().orElseThrow();
        assertThat(published.getContents().get(0).getValue()).contains(FIRST, SECOND);
        assertThat(Sources.get(id).getBoolean("fullText")).isTrue();

        // Another poll and another run of the worker request no page again.
        Sources.refresh(id);
        worker.runOnce();
        assertThat(site.hits("/berita/1")).isEqualTo(1);
        assertThat(site.hits("/berita/2")).isEqualTo(1);

        // Unsubscribing takes the source's pages with it; the entries keep their bodies.
        given().auth().oauth2(TOKEN).delete("/api/sources/" + id).then().statusCode(204);
        assertThat(db.count("full_text_page")).isZero();
        assertThat(entryTitled("Harga Cabai Naik").getString("contentHtml")).contains(OTHER);
    }

    @Test
    void aPageThatCannotBeReadLeavesTheSummaryAndIsCountedAsAFailure() {
        servePages();
        site.route("/berita/2", ex -> FakeSite.send(ex, 500, "text/plain", "rusak".getBytes(StandardCharsets.UTF_8)));
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."),
                item("2", "Harga Cabai Naik", "/berita/2", "Ringkasan cabai."));
        long id = subscribe(true);
        awaitPages(id, 1, 1);

        JsonPath two = entryTitled("Harga Cabai Naik");
        assertThat(two.getString("summary")).isEqualTo("Ringkasan cabai.");
        assertThat(two.getString("contentHtml")).as("the feed gave no content, and none was read").isNull();
        assertThat(entryTitled("Banjir Rendam Rumah").getString("contentHtml")).contains(FIRST);

        worker.runOnce();
        assertThat(site.hits("/berita/2")).as("a failed page is not asked for again").isEqualTo(1);
    }

    @Test
    void aMissingPageAndARefusedAddressAreFailuresToo() {
        servePages();
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/hilang", "Ringkasan banjir."),
                item("2", "Harga Cabai Naik", "/berita/2", "Ringkasan cabai.").replace(site.url("/berita/2"),
                        "http://192.0.2.7/berita/2"));
        long id = subscribe(true);
        awaitPages(id, 0, 2);
        assertThat(entryTitled("Banjir Rendam Rumah").getString("contentHtml")).isNull();
        assertThat(site.hits("/berita/hilang")).isEqualTo(1);
    }

    @Test
    void anUpstreamEditOfTitleAndSummaryKeepsTheFetchedBody() {
        servePages();
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."));
        long id = subscribe(true);
        awaitPages(id, 1, 0);

        serveFeed(item("1", "Banjir Rendam Ratusan Rumah", "/berita/1", "Ringkasan banjir, diperbarui."));
        assertThat(Sources.refresh(id).getInt("updatedEntries")).isEqualTo(1);
        JsonPath one = entryTitled("Banjir Rendam Ratusan Rumah");
        assertThat(one.getString("summary")).isEqualTo("Ringkasan banjir, diperbarui.");
        assertThat(one.getString("contentHtml")).contains(FIRST, SECOND);
        worker.runOnce();
        assertThat(site.hits("/berita/1")).isEqualTo(1);
    }

    @Test
    void aChangedLinkHasTheNewPageRead() {
        servePages();
        site.serve("/berita/1-baru", "text/html; charset=utf-8",
                page("Banjir Rendam Rumah", "Versi baru berita banjir: air mulai surut dan warga kembali membersihkan rumah mereka.",
                        "Dinas sosial membagikan paket bahan pokok kepada keluarga yang rumahnya terendam."));
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."));
        long id = subscribe(true);
        awaitPages(id, 1, 0);

        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1-baru", "Ringkasan banjir."));
        Sources.refresh(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(entryTitled("Banjir Rendam Rumah").getString("contentHtml")).contains("Versi baru berita banjir"));
        awaitPages(id, 1, 0);
        assertThat(site.hits("/berita/1")).isEqualTo(1);
        assertThat(site.hits("/berita/1-baru")).isEqualTo(1);
    }

    @Test
    void withoutFullTextNoPageIsFetched() {
        servePages();
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."));
        long id = subscribe(false);
        assertThat(worker.runOnce()).isZero();
        assertThat(site.hits("/berita/1")).isZero();
        assertThat(db.count("full_text_page")).as("no page is even wanted").isZero();
        JsonPath source = Sources.get(id);
        assertThat(source.getBoolean("fullText")).isFalse();
        assertThat(source.getInt("fullTextFetched")).isZero();
        assertThat(entryTitled("Banjir Rendam Rumah").getString("contentHtml")).isNull();
    }

    @Test
    void fullTextIsSetByPatchForItemsThatArriveAfter() {
        servePages();
        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."));
        long id = subscribe(false);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"fullText\": \"ya\"}")
                .patch("/api/sources/" + id).then().statusCode(400).body("field", equalTo("fullText"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("fullText", true))
                .patch("/api/sources/" + id).then().statusCode(200).body("fullText", equalTo(true));

        serveFeed(item("1", "Banjir Rendam Rumah", "/berita/1", "Ringkasan banjir."),
                item("2", "Harga Cabai Naik", "/berita/2", "Ringkasan cabai."));
        Sources.refresh(id);
        awaitPages(id, 1, 0);
        assertThat(entryTitled("Harga Cabai Naik").getString("contentHtml")).contains(OTHER);
        assertThat(site.hits("/berita/1")).as("items stored before are left as they are").isZero();
    }

    private long subscribe(boolean fullText) {
        Map<String, Object> body = new HashMap<>(Map.of("url", site.url("/rss.xml")));
        if (fullText) {
            body.put("fullText", true);
        }
        long id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/sources").then().statusCode(201).body("fullText", equalTo(fullText))
                .extract().jsonPath().getLong("id");
        Sources.awaitFetched(id);
        return id;
    }

    private static void awaitPages(long id, int fetched, int failed) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath source = Sources.get(id);
            assertThat(source.getInt("fullTextFetched")).isEqualTo(fetched);
            assertThat(source.getInt("fullTextFailures")).isEqualTo(failed);
        });
    }

    private static JsonPath entryTitled(String title) {
        List<Map<String, Object>> all = given().auth().oauth2(TOKEN).get("/api/entries?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Object id = all.stream().filter(e -> title.equals(e.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title)).get("id");
        return given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    private void servePages() {
        site.serve("/berita/1", "text/html; charset=utf-8", page("Banjir Rendam Rumah", FIRST, SECOND));
        site.serve("/berita/2", "text/html; charset=utf-8", page("Harga Cabai Naik", OTHER,
                "Pedagang mengatakan pasokan dari daerah penghasil berkurang karena hujan deras sepanjang pekan."));
    }

    private static byte[] page(String title, String... paragraphs) {
        StringBuilder s = new StringBuilder("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><meta property=\"og:title\" content=\"").append(title).append("\"></head><body>")
                .append("<nav><a href=\"/\">Beranda</a> <a href=\"/daerah\">Daerah</a></nav><article><h1>").append(title).append("</h1>");
        for (String p : paragraphs) {
            s.append("<p>").append(p).append("</p>");
        }
        return s.append("</article><footer><a href=\"/tentang\">Tentang kami</a></footer></body></html>")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    private String item(String guid, String title, String path, String summary) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + title + "</title><link>" + site.url(path)
                + "</link><pubDate>Mon, 19 Dec 2022 10:0" + guid + ":00 GMT</pubDate><description>" + summary + "</description></item>";
    }

    private void serveFeed(String... items) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Kabar Singkat</title>")
                .append("<link>").append(site.url("/")).append("</link><description>ringkasan saja</description>");
        for (String item : items) {
            s.append(item);
        }
        site.serve("/rss.xml", "application/rss+xml", s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
    }
}
