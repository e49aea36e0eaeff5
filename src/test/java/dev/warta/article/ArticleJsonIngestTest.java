package dev.warta.article;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;

import dev.warta.FakeNewsSite;
import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** Structured JSON ingest, and dry runs of every form that store nothing. */
@QuarkusTest
class ArticleJsonIngestTest {

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

    static final Map<String, Object> ARTICLE = Map.of(
            "title", "Menlu Retno Bertemu Menlu Ukraina di Kyiv",
            "summary", "Menteri Luar Negeri Retno Marsudi membahas bantuan kemanusiaan.",
            "contentHtml", "<p>Retno tiba di Kyiv pada Rabu pagi.</p><script>alert(1)</script><p onclick=\"x()\">Ia bertemu Dmytro Kuleba.</p>",
            "author", "Hasanudin Aco",
            "editor", "Wahyu Aji",
            "published", "2022-12-21T10:00:00+07:00",
            "url", "https://www.tribunnews.com/internasional/2022/12/21/menlu-retno-bertemu-menlu-ukraina-di-kyiv",
            "image", "https://asset-2.tstatic.net/tribunnews/foto/retno-kyiv.png",
            "topics", List.of(TOPIC_LABEL, "Diplomasi"),
            "related", List.of(
                    Map.of("title", BACA_JUGA[0], "url", "https://www.tribunnews.com/internasional/2022/12/19/infrastruktur"),
                    Map.of("title", "Indonesia Kirim Bantuan ke Ukraina")));

    static io.restassured.response.Response post(String contentType, Object body, boolean dryRun) {
        var request = given().auth().oauth2(TOKEN).contentType(contentType).body(body);
        if (dryRun) {
            request.queryParam("dryRun", "true");
        }
        return request.post("/api/articles");
    }

    @Test
    void storesAStructuredArticleWithItsTopicsAndRelatedArticles() {
        int id = post("application/json", ARTICLE, false).then().statusCode(201)
                .header("Warta-Ingest-Outcome", "created")
                .body("title", equalTo("Menlu Retno Bertemu Menlu Ukraina di Kyiv"))
                .body("author", equalTo("Hasanudin Aco"))
                .body("editor", equalTo("Wahyu Aji"))
                .body("published", equalTo("2022-12-21T03:00:00Z"))
                .body("url", equalTo(ARTICLE.get("url")))
                .body("image", equalTo(ARTICLE.get("image")))
                .body("topics.label", equalTo(List.of("Diplomasi", TOPIC_LABEL)))
                .body("related.title", equalTo(List.of(BACA_JUGA[0], "Indonesia Kirim Bantuan ke Ukraina")))
                .body("related[0].url", equalTo("https://www.tribunnews.com/internasional/2022/12/19/infrastruktur"))
                .body("related[1].url", nullValue())
                .body("contentHtml", equalTo("<p>Retno tiba di Kyiv pada Rabu pagi.</p><p>Ia bertemu Dmytro Kuleba.</p>"))
                .extract().path("id");

        Feed feed = FeedReader.atom(given().get("/feeds/topics/diplomasi.atom").then().statusCode(200).extract().asByteArray());
        Entry entry = feed.getEntries().stream().filter(e -> e.getTitle().startsWith("Menlu Retno")).findFirst().orElseThrow();
        assertThat(entry.getAlternateLinks().get(0).getHref()).isEqualTo(ARTICLE.get("url"));
        assertThat(entry.getOtherLinks()).filteredOn(l -> "enclosure".equals(l.getRel())).extracting(Link::getType)
                .containsExactly("image/png");
        assertThat(feed.getEntries()).extracting(Entry::getTitle).contains("Indonesia Kirim Bantuan ke Ukraina");

        post("application/json", ARTICLE, false).then().statusCode(200).body("id", equalTo(id))
                .header("Warta-Ingest-Outcome", "unchanged");
    }

    @Test
    void aDryRunOfEveryFormReturnsTheArticleAndStoresNothing() {
        post("text/plain; charset=utf-8", Fixtures.sample(), false).then().statusCode(201);
        String before = db.snapshot();
        String feedBefore = given().get("/feeds/all.atom").asString();

        post("text/plain; charset=utf-8", Fixtures.sample().replace("sejak 2019", "sejak 2018"), true).then().statusCode(200)
                .header("Warta-Ingest-Outcome", "dry-run")
                .body("dryRun", equalTo(true))
                .body("title", equalTo(SAMPLE_TITLE))
                .body("author", equalTo("Yunita Rahmayanti"))
                .body("topics", equalTo(List.of(TOPIC_LABEL)))
                .body("related.title", equalTo(List.of(BACA_JUGA)))
                .body("contentHtml", containsString("sejak 2018"));
        post("text/html", site.page("pages/kabar-nusantara-gempa-cianjur.html"), true).then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("title", equalTo("Gempa Susulan Guncang Cianjur, BMKG Minta Warga Waspada"))
                .body("author", equalTo("Rina Kartika, Dedi Supriadi"))
                .body("modified", equalTo("2022-11-22T04:40:00Z"))
                .body("tags", equalTo(List.of("Gempa Cianjur", "BMKG")))
                .body("related[0].url", equalTo(site.url("/nasional/bencana/posko-pengungsian-cianjur-butuh-selimut-dan-air-bersih/")));
        post("application/json", ARTICLE, true).then().statusCode(200)
                .body("title", equalTo("Menlu Retno Bertemu Menlu Ukraina di Kyiv"))
                .body("contentHtml", equalTo("<p>Retno tiba di Kyiv pada Rabu pagi.</p><p>Ia bertemu Dmytro Kuleba.</p>"))
                .body("related.url", hasItem(nullValue()));
        post("application/json", Map.of("url", site.url(FakeNewsSite.PUTIN)), true).then().statusCode(200)
                .body("title", equalTo(SAMPLE_TITLE))
                .body("url", equalTo(site.url(FakeNewsSite.PUTIN)))
                .body("notes", hasItem("joined 2 pages"));

        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(given().get("/feeds/all.atom").asString()).isEqualTo(feedBefore);
    }

    @Test
    void aDryRunNamesTheBylineInFlatFieldsInTheirPlace() throws Exception {
        String text = """
                Judul Berita
                Ringkasan berita.
                Laporan Wartawan Tribunnews.com, Ilham Rian Pratama
                Penulis: Reza Deni
                Editor: Adi Suhendi
                TRIBUNNEWS.COM, JAKARTA - Isi berita, Kamis (5/1/2023).
                (Tribunnews.com/Ilham)
                """;
        String json = post("text/plain; charset=utf-8", text, true).then().statusCode(200).extract().asString();

        Map<String, Object> preview = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        assertThat(preview.keySet()).containsExactly("dryRun", "title", "summary", "author", "editor", "reporter", "publisher",
                "city", "credit", "published", "publishedDayOnly", "tags", "topics", "related", "contentHtml", "notes",
                "warnings");
        assertThat(preview).containsEntry("author", "Reza Deni").containsEntry("editor", "Adi Suhendi")
                .containsEntry("reporter", "Ilham Rian Pratama").containsEntry("publisher", "Tribunnews.com")
                .containsEntry("city", "Jakarta").containsEntry("credit", "Tribunnews.com/Ilham");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"summary\": \"tanpa judul\"}                                  | title",
            "{\"title\": \"   \"}                                            | title",
            "{\"title\": \"!!!\"}                                            | title",
            "{\"title\": 42}                                                 | title",
            "{\"title\": \"Judul\", \"url\": \"bukan url\"}                  | url",
            "{\"title\": \"Judul\", \"url\": \"javascript:alert(1)\"}        | url",
            "{\"url\": \"/relatif\"}                                          | url",
            "{\"title\": \"Judul\", \"published\": \"kemarin sore\"}         | published",
            "{\"title\": \"Judul\", \"topics\": \"Ekonomi\"}                 | topics",
            "{\"title\": \"Judul\", \"topics\": [\"Ekonomi\", \"??\"]}       | topics[1]",
            "{\"title\": \"Judul\", \"related\": [{\"title\": \"A\"}, {\"url\": \"https://a.example/\"}]} | related[1].title",
            "{\"title\": \"Judul\", \"related\": [{\"title\": \"A\", \"url\": \"ftp://a\"}]}               | related[0].url",
            "{\"title\": \"Judul\", \"related\": [{\"title\": \"A\", \"judul\": \"B\"}]}                   | related[0].judul",
            "{\"title\": \"Judul\", \"summery\": \"typo\"}                   | summery" })
    void refusesABadFieldNamingIt(String json, String field) {
        String before = db.snapshot();
        post("application/json", json, false).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field));
        post("application/json", json, true).then().statusCode(400).body("field", equalTo(field));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        String before = db.snapshot();
        post("application/json", "{\"title\": \"Judul\",", false).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-json"))
                .body("detail", containsString("line 1"));
        post("application/json", "[1, 2]", false).then().statusCode(400).body("code", equalTo("invalid-json"))
                .body("detail", containsString("JSON object"));
        post("application/json", "", false).then().statusCode(400).body("code", equalTo("invalid-json"));
        given().auth().oauth2(TOKEN).contentType("application/json").body(Map.of("url", "https://a.example/"))
                .queryParam("url", "https://a.example/").post("/api/articles").then().statusCode(400)
                .body("field", equalTo("url"));
        post("application/xml", "<article/>", false).then().statusCode(415)
                .body("accepted", hasItem("application/json"));
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample()).queryParam("dryRun", "barangkali")
                .post("/api/articles").then().statusCode(400).body("field", equalTo("dryRun"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void theTextFormTakesTheArticlesAddressFromTheUrlParameter() {
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample())
                .queryParam("url", "https://www.tribunnews.com/internasional/2022/12/19/putin?utm_source=wa")
                .post("/api/articles").then().statusCode(201)
                .body("url", equalTo("https://www.tribunnews.com/internasional/2022/12/19/putin"));
    }
}
