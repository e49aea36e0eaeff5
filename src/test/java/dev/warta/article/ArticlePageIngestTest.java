package dev.warta.article;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Item;

import dev.warta.FakeNewsSite;
import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** HTML and URL ingest against a news site on loopback: one entry per article, Baca juga with real addresses. */
@QuarkusTest
class ArticlePageIngestTest {

    static FakeNewsSite site;

    @Inject
    TestDatabase db;

    @BeforeAll
    static void startSite() {
        site = new FakeNewsSite();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static Response postText(String text) {
        return given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(text).post("/api/articles");
    }

    static Response postHtml(String html, String url) {
        var request = given().auth().oauth2(TOKEN).contentType("text/html; charset=utf-8").body(html);
        if (url != null) {
            request.queryParam("url", url);
        }
        return request.post("/api/articles");
    }

    static Response postJson(Object json) {
        return given().auth().oauth2(TOKEN).contentType("application/json").body(json).post("/api/articles");
    }

    static JsonPath entry(long id) {
        return given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    static Feed topicAtom(String slug) {
        return FeedReader.atom(given().get("/feeds/topics/" + slug + ".atom").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void theSampleTextThenItsPageIsOneEntryWithItsCanonicalUrlAndTheStubsGainTheirAddresses() {
        long id = postText(Fixtures.sample()).then().statusCode(201).extract().<Integer>path("id");
        List<Integer> stubIds = entry(id).getList("related.entryId");
        assertThat(stubIds).hasSize(3);
        for (int stubId : stubIds) {
            assertThat(entry(stubId).getString("url")).as("a stub from the text has no address yet").isNull();
        }

        int page2Hits = site.hits(FakeNewsSite.PUTIN + "?page=2");
        postHtml(site.page("pages/tribunnews-putin-belarusia.html"), site.url(FakeNewsSite.PUTIN))
                .then().statusCode(200)
                .header("Warta-Ingest-Outcome", "updated")
                .body("id", equalTo((int) id))
                .body("url", equalTo(site.url(FakeNewsSite.PUTIN)))
                .body("published", equalTo("2022-12-19T10:30:52Z"))
                .body("image", equalTo("https://asset-2.tstatic.net/tribunnews/foto/bank/images/putin-lukashenko-minsk.jpg"))
                .body("related.entryId", equalTo(stubIds))
                .body("related.title", equalTo(List.of(BACA_JUGA)));

        assertThat(db.count("entry")).as("still the article and its three related articles").isEqualTo(4);
        assertThat(entry(stubIds.get(0)).getString("url")).isEqualTo(site.url(FakeNewsSite.INFRASTRUKTUR));
        assertThat(entry(stubIds.get(1)).getString("url")).isEqualTo(site.url("/internasional/2022/12/18/"
                + "2-warga-ukraina-ditangkap-di-perbatasan-bulgaria-setelah-kedapatan-bawa-12-kg-emas"));
        assertThat(entry(stubIds.get(2)).getString("url")).isEqualTo(site.url("/internasional/2022/12/18/"
                + "perdana-menteri-inggris-rishi-sunak-umumkan-bantuan-militer-304-juta-dolar-untuk-ukraina"));
        assertThat(entry(id).getString("contentHtml")).as("page 2 was fetched and joined")
                .contains("Kekhawatiran Ukraina").doesNotContain("Baca juga").doesNotContain("adsbygoogle");
        assertThat(site.hits(FakeNewsSite.PUTIN + "?page=2")).isEqualTo(page2Hits + 1);

        Feed feed = topicAtom(TOPIC_SLUG);
        assertThat(feed.getEntries()).hasSize(4);
        Entry article = feed.getEntries().get(0);
        assertThat(article.getTitle()).isEqualTo(SAMPLE_TITLE);
        assertThat(article.getAlternateLinks().get(0).getHref()).isEqualTo(site.url(FakeNewsSite.PUTIN));
        assertThat(article.getOtherLinks()).filteredOn(l -> "related".equals(l.getRel())).extracting(Link::getHref)
                .containsExactly(site.url(FakeNewsSite.INFRASTRUKTUR), entry(stubIds.get(1)).getString("url"),
                        entry(stubIds.get(2)).getString("url"));
        assertThat(article.getOtherLinks()).filteredOn(l -> "enclosure".equals(l.getRel()))
                .extracting(Link::getHref, Link::getType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "https://asset-2.tstatic.net/tribunnews/foto/bank/images/putin-lukashenko-minsk.jpg", "image/jpeg"));

        Item item = FeedReader.rss(given().get("/feeds/topics/" + TOPIC_SLUG + ".rss").then().statusCode(200)
                .extract().asByteArray()).getItems().get(0);
        assertThat(item.getEnclosures()).extracting(e -> e.getUrl(), e -> e.getType())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "https://asset-2.tstatic.net/tribunnews/foto/bank/images/putin-lukashenko-minsk.jpg", "image/jpeg"));
        given().get("/feeds/topics/" + TOPIC_SLUG + ".json").then().statusCode(200)
                .body("items[0].image", org.hamcrest.Matchers.equalTo(
                        "https://asset-2.tstatic.net/tribunnews/foto/bank/images/putin-lukashenko-minsk.jpg"));
    }

    @Test
    void thePageThenTheSampleTextIsStillOneEntry() {
        long id = postHtml(site.page("pages/tribunnews-putin-belarusia.html"), site.url(FakeNewsSite.PUTIN))
                .then().statusCode(201).extract().<Integer>path("id");
        postText(Fixtures.sample()).then().statusCode(200).body("id", equalTo((int) id))
                .body("url", equalTo(site.url(FakeNewsSite.PUTIN)));
        assertThat(db.count("entry")).isEqualTo(4);
    }

    @Test
    void ingestsAPageByItsUrlWithItsNextPage() {
        int page1Hits = site.hits(FakeNewsSite.PUTIN);
        int page2Hits = site.hits(FakeNewsSite.PUTIN + "?page=2");
        postJson(Map.of("url", site.url(FakeNewsSite.PUTIN))).then().statusCode(201)
                .header("Warta-Ingest-Outcome", "created")
                .body("title", equalTo(SAMPLE_TITLE))
                .body("author", equalTo("Yunita Rahmayanti"))
                .body("editor", equalTo("Whiesa Daniswara"))
                .body("url", equalTo(site.url(FakeNewsSite.PUTIN)))
                .body("topics.label", equalTo(List.of(TOPIC_LABEL)))
                .body("related.title", equalTo(List.of(BACA_JUGA)))
                .body("related.url", hasItem(site.url(FakeNewsSite.INFRASTRUKTUR)))
                .body("contentHtml", containsString("Valery ykain Rusia"));
        assertThat(site.hits(FakeNewsSite.PUTIN)).isEqualTo(page1Hits + 1);
        assertThat(site.hits(FakeNewsSite.PUTIN + "?page=2")).isEqualTo(page2Hits + 1);
    }

    @Test
    void resolvesRelativeLinksAgainstTheFetchedAddress() {
        postJson(Map.of("url", site.url(FakeNewsSite.BANJIR))).then().statusCode(201)
                .body("url", equalTo(site.url(FakeNewsSite.BANJIR)))
                .body("image", equalTo(site.url("/foto/bank/images/banjir-manggala.jpg")))
                .body("related[0].url", equalTo(site.url("/makassar/2023/01/03/bmkg-peringatkan-cuaca-ekstrem-di-sulsel-hingga-akhir-pekan")))
                .body("topics.label", equalTo(List.of("Banjir Makassar")))
                .body("published", equalTo("2023-01-04T00:05:00Z"));
    }

    @Test
    void refusesAUrlOnAnAddressTheGuardRefuses() {
        String before = db.snapshot();
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/berita")) {
            postJson(Map.of("url", url)).then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("refused-address"))
                    .body("field", equalTo("url"))
                    .body("detail", containsString("address guard"))
                    .body("detail", containsString("refused network"));
        }
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void explainsAUrlThatGivesNoArticle() {
        String before = db.snapshot();
        site.serve("/laporan.pdf", 200, "application/pdf", "%PDF-1.4");
        postJson(Map.of("url", site.url("/tidak-ada"))).then().statusCode(422)
                .body("code", equalTo("fetch-failed")).body("upstreamStatus", equalTo(404))
                .body("detail", containsString("404"));
        postJson(Map.of("url", site.url("/laporan.pdf"))).then().statusCode(422)
                .body("code", equalTo("not-html")).body("detail", containsString("application/pdf"));
        site.serve("/kosong", 200, "text/html", "<html><body><p>tanpa judul</p></body></html>");
        postJson(Map.of("url", site.url("/kosong"))).then().statusCode(422).body("code", equalTo("not-an-article"));
        postJson(Map.of("url", "ftp://situs.example/a")).then().statusCode(400).body("field", equalTo("url"));
        postJson(Map.of("url", "http://127.0.0.1:1/tutup")).then().statusCode(502).body("code", equalTo("fetch-failed"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aNextPageThatCannotBeFetchedLeavesTheFirstPageAndANote() {
        site.serve("/putus", 200, "text/html", """
                <html><head><meta property="og:title" content="Artikel Dua Halaman"></head><body>
                <div class="side-article txt-article"><p>Halaman pertama saja yang ada di sini.</p>
                <a href="/putus?page=2">Halaman selanjutnya</a></div></body></html>""");
        var answer = postJson(Map.of("url", site.url("/putus")));
        answer.then().statusCode(201).body("contentHtml", equalTo("<p>Halaman pertama saja yang ada di sini.</p>"));
        // One note among the article's warnings (no date, byline or topic), each a header of its own.
        assertThat(answer.headers().getValues("Warta-Ingest-Note")).anySatisfy(n -> assertThat(n).contains("could not be read"));
        assertThat(site.hits("/putus?page=2")).isEqualTo(1);
    }

    @Test
    void stopsWhenPagesLinkInALoop() {
        String page = """
                <html><head><meta property="og:title" content="Artikel Berputar"></head><body>
                <div class="side-article txt-article"><p>Isi halaman %s.</p><a href="%s">Halaman selanjutnya</a></div>
                </body></html>""";
        site.serve("/putar", 200, "text/html", page.formatted("satu", "/putar?page=2"));
        site.serve("/putar?page=2", 200, "text/html", page.formatted("dua", "/putar?page=3"));
        site.serve("/putar?page=3", 200, "text/html", page.formatted("tiga", "/putar?page=2"));

        given().auth().oauth2(TOKEN).contentType("application/json").body(Map.of("url", site.url("/putar")))
                .queryParam("dryRun", "true").post("/api/articles").then().statusCode(200)
                .body("contentHtml", equalTo("<p>Isi halaman satu.</p><p>Isi halaman dua.</p><p>Isi halaman tiga.</p>"))
                .body("notes", hasItem(containsString("already read")));
        assertThat(site.hits("/putar?page=2")).isEqualTo(1);
    }

    @Test
    void aRelatedArticleArrivingWithTheStubsAddressFillsTheStubWhateverItsTitle() {
        postHtml(site.page("pages/tribunnews-putin-belarusia.html"), site.url(FakeNewsSite.PUTIN)).then().statusCode(201);
        Feed before = topicAtom(TOPIC_SLUG);
        String stubPage = before.getEntries().stream().filter(e -> e.getTitle().equals(BACA_JUGA[0])).findFirst().orElseThrow()
                .getId();

        var response = postJson(Map.of(
                "title", "Zelensky Minta Warga Mengungsi Setelah Drone Rusia Hancurkan Infrastruktur",
                "url", site.url(FakeNewsSite.INFRASTRUKTUR) + "?utm_source=twitter",
                "published", "2022-12-19T09:00:00+07:00",
                "author", "Andari Wulan Nugrahani",
                "topics", List.of(TOPIC_LABEL)));
        response.then().statusCode(201).header("Warta-Ingest-Outcome", "filled-stub").body("stub", equalTo(false));

        Feed after = topicAtom(TOPIC_SLUG);
        assertThat(after.getEntries()).hasSize(4);
        assertThat(after.getEntries()).extracting(Entry::getId).contains(stubPage);
        assertThat(after.getEntries()).extracting(Entry::getTitle)
                .contains("Zelensky Minta Warga Mengungsi Setelah Drone Rusia Hancurkan Infrastruktur")
                .doesNotContain(BACA_JUGA[0]);
    }

    @Test
    void anArticleStoredWithoutAddressAbsorbsTheStubThatHadItsAddress() {
        // The article's text (no address), and another article whose "Baca juga" names it with other words and its URL.
        long article = postJson(Map.of("title", "Harga Beras Naik Lagi di Pasar Induk", "published", "2023-02-01T08:00:00+07:00",
                "topics", List.of("Ekonomi"))).then().statusCode(201).extract().<Integer>path("id");
        String url = site.url("/ekonomi/2023/02/01/harga-beras-naik");
        long linking = postJson(Map.of("title", "Inflasi Januari Tertinggi", "published", "2023-02-02T08:00:00+07:00",
                "topics", List.of("Ekonomi"), "related", List.of(Map.of("title", "Beras Makin Mahal", "url", url))))
                .then().statusCode(201).extract().<Integer>path("id");
        int stub = entry(linking).getInt("related[0].entryId");
        assertThat(stub).isNotEqualTo((int) article);

        postJson(Map.of("title", "Harga Beras Naik Lagi di Pasar Induk", "published", "2023-02-01T08:00:00+07:00",
                "url", url, "topics", List.of("Ekonomi"))).then().statusCode(200)
                .body("id", equalTo((int) article)).body("url", equalTo(url));

        assertThat(entry(linking).getInt("related[0].entryId")).isEqualTo((int) article);
        given().auth().oauth2(TOKEN).get("/api/entries/" + stub).then().statusCode(404);
        assertThat(db.count("entry")).isEqualTo(2);
    }

    @Test
    void anAddressAndATitleOfTwoDifferentArticlesIsAConflict() {
        String url = site.url("/a/1");
        postJson(Map.of("title", "Artikel Pertama", "url", url, "published", "2023-03-01T08:00:00+07:00")).then().statusCode(201);
        postJson(Map.of("title", "Artikel Kedua", "published", "2023-03-01T08:00:00+07:00")).then().statusCode(201);
        String before = db.snapshot();
        postJson(Map.of("title", "Artikel Kedua", "published", "2023-03-01T09:00:00+07:00", "url", url))
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("conflict"))
                .body("detail", containsString(url));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aPastedPageWithoutHeadlineIsRefused() {
        String before = db.snapshot();
        postHtml("<html><body><p>Hanya paragraf.</p></body></html>", null).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("not-an-article"));
        postHtml("   ", null).then().statusCode(400).body("code", equalTo("invalid-article"));
        postHtml(site.page("pages/tribunnews-putin-belarusia.html"), "bukan-url").then().statusCode(400)
                .body("field", equalTo("url"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aPageLargerThanAnArticleButWithinThePageLimitIsAccepted() {
        String padding = "<!-- " + "x".repeat(1024 * 1024) + " -->";
        postHtml(site.page("pages/kabar-nusantara-gempa-cianjur.html").replace("</body>", padding + "</body>"), null)
                .then().statusCode(201).body("title", equalTo("Gempa Susulan Guncang Cianjur, BMKG Minta Warga Waspada"))
                .body("summary", not(nullValue()));
    }
}
