package dev.warta.search;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import dev.warta.poll.Sources;
import io.quarkus.test.junit.QuarkusTest;

/** Search through the admin API and the search page, over entries stored by real upstream ingest. */
@QuarkusTest
class SearchTest {

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

    /** An RSS item published on 19 December 2022 at {@code hour}:00 UTC (so later items are newer). */
    private static String item(int n, int hour, String title, String description, String content) {
        return "<item><guid>g-" + n + "</guid><title>" + title + "</title><link>https://t.example.com/" + n + "</link>"
                + "<pubDate>Mon, 19 Dec 2022 " + String.format("%02d", hour) + ":00:00 GMT</pubDate>"
                + "<description>" + description + "</description>"
                + (content == null ? "" : "<content:encoded><![CDATA[" + content + "]]></content:encoded>") + "</item>";
    }

    private void subscribe(String... items) {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>T</title><link>https://t.example.com/</link><description>d</description>"
                + String.join("", items) + "</channel></rss>";
        upstream.serve("/rss.xml", "application/rss+xml", xml.getBytes(StandardCharsets.UTF_8));
        Sources.subscribe(upstream.url("/rss.xml"));
    }

    private static List<String> titlesFor(String q) {
        return given().auth().oauth2(TOKEN).queryParam("q", q).get("/api/entries")
                .then().statusCode(200).extract().jsonPath().getList("title", String.class);
    }

    @Test
    void aSearchFindsTheWordsOfTheSameStemNewestFirst() {
        subscribe(item(1, 8, "Kota Dihantam", "Kota itu diserang pada malam hari.", null),
                item(2, 9, "Pasukan Menyerang", "Ringkasan lain.", null),
                item(3, 10, "Harga Cabai", "Pasar ramai.", "<p>Para pedagang menyebut <b>serangan</b> hama.</p>"),
                item(4, 11, "Cuaca Cerah", "Tidak ada apa-apa.", null));
        assertThat(titlesFor("serangan")).as("summary, title and content; newest first")
                .containsExactly("Harga Cabai", "Pasukan Menyerang", "Kota Dihantam");
        assertThat(titlesFor("SERANG")).containsExactly("Harga Cabai", "Pasukan Menyerang", "Kota Dihantam");
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        subscribe(item(1, 8, "Listrik Padam di Kyïv", "Pemadaman bergilir.", null),
                item(2, 9, "KYIV Gelap", "Malam panjang.", null),
                item(3, 10, "Kiev", "Ejaan lama.", null));
        assertThat(titlesFor("kyiv")).containsExactly("KYIV Gelap", "Listrik Padam di Kyïv");
        assertThat(titlesFor("KYÏV")).containsExactly("KYIV Gelap", "Listrik Padam di Kyïv");
    }

    @Test
    void phrasesInQuotesAndExclusionsWork() {
        subscribe(item(1, 8, "Serangan udara di Kharkiv", "Rusia melancarkan serangan.", null),
                item(2, 9, "Udara dingin, serangan flu", "Musim dingin.", null),
                item(3, 10, "Serangan udara di Odesa", "Pelabuhan rusak.", null));
        assertThat(titlesFor("\"serangan udara\"")).containsExactly("Serangan udara di Odesa", "Serangan udara di Kharkiv");
        assertThat(titlesFor("\"serangan udara\" -rusia")).containsExactly("Serangan udara di Odesa");
        assertThat(titlesFor("serangan -udara")).isEmpty();
        assertThat(titlesFor("serangan -flu")).containsExactly("Serangan udara di Odesa", "Serangan udara di Kharkiv");
    }

    @Test
    void aBlankOrOverLongQueryIsAProblemOnTheApi() {
        for (String q : new String[] { "", "%20%20", "a".repeat(SearchQuery.MAX_LENGTH + 1) }) {
            given().auth().oauth2(TOKEN).urlEncodingEnabled(false).get("/api/entries?q=" + q)
                    .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("q"));
        }
        given().auth().oauth2(TOKEN).queryParam("q", "a".repeat(SearchQuery.MAX_LENGTH)).get("/api/entries")
                .then().statusCode(200);
        given().auth().oauth2(TOKEN).queryParam("q", "kyiv").queryParam("topic", "x").get("/api/entries")
                .then().statusCode(400).body("field", equalTo("topic"));
        given().queryParam("q", "kyiv").get("/api/entries").then().statusCode(401);
    }

    @Test
    void theApiLimitBoundsTheResults() {
        subscribe(item(1, 8, "Serangan satu", "a", null), item(2, 9, "Serangan dua", "b", null),
                item(3, 10, "Serangan tiga", "c", null));
        assertThat(given().auth().oauth2(TOKEN).queryParam("q", "serangan").queryParam("limit", 2).get("/api/entries")
                .then().statusCode(200).extract().jsonPath().getList("title", String.class))
                .containsExactly("Serangan tiga", "Serangan dua");
    }

    private static Document page(String pathAndQuery, int status) {
        var response = given().urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(status)
                .contentType("text/html").header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY").extract();
        return Jsoup.parse(response.asString(), "http://localhost/");
    }

    @Test
    void theSearchPageHighlightsMatchesAndPagesToOlderResults() {
        List<String> items = new ArrayList<>();
        for (int n = 1; n <= SearchPage.PAGE_SIZE + 3; n++) {
            items.add(item(n, n % 24, "Berita " + n + " tentang serangan", "Pasukan diserang di kota " + n + ".", null));
        }
        subscribe(items.toArray(String[]::new));
        Document first = page("/search?q=serangan", 200);
        assertThat(first.select("html").attr("lang")).isEqualTo("id");
        assertThat(first.select("form.search input[name=q]").val()).isEqualTo("serangan");
        assertThat(first.select("ul.results li")).hasSize(SearchPage.PAGE_SIZE);
        assertThat(first.select("ul.results li a.title mark").eachText()).allMatch("serangan"::equals);
        assertThat(first.select("ul.results li .snippet mark").eachText()).allMatch("diserang"::equals);
        List<String> seen = new ArrayList<>(first.select("ul.results li a.title").eachText());
        String older = first.select("a.older").attr("href");
        assertThat(older).contains("before=");
        Document second = page(older.replaceFirst("^https?://[^/]+", ""), 200);
        seen.addAll(second.select("ul.results li a.title").eachText());
        assertThat(second.select("a.older")).isEmpty();
        assertThat(seen).hasSize(SearchPage.PAGE_SIZE + 3).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("Berita 23 tentang serangan");
        assertThat(first.select("link[rel=alternate]")).isNotEmpty();
    }

    @Test
    void markupInATitleIsShownAsTextNeverRun() {
        subscribe(item(1, 8, "Judul biasa", "Ringkasan biasa.", null));
        // Ingest strips markup from upstream titles; an edit straight in the database need not (and the trigger
        // keeps the search column right on an edit too).
        db.execute("update entry set title = 'Serangan <script>alert(1)</script> <b>tebal</b>', "
                + "summary = 'Ringkasan <img src=x onerror=alert(2)> diserang.'");
        Document page = page("/search?q=serangan", 200);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("ul.results b, ul.results img")).isEmpty();
        assertThat(page.select("ul.results a.title").text()).isEqualTo("Serangan <script>alert(1)</script> <b>tebal</b>");
        assertThat(page.select("ul.results a.title mark").eachText()).containsExactly("Serangan");
        String html = given().get("/search?q=serangan").then().extract().asString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void aBlankQueryShowsTheEmptyFormAndAnOverLongOneSaysWhy() {
        Document empty = page("/search", 200);
        assertThat(empty.select("form.search input[name=q]").val()).isEmpty();
        assertThat(empty.select("ul.results")).isEmpty();
        assertThat(page("/search?q=%20", 200).select("ul.results")).isEmpty();
        Document tooLong = page("/search?q=" + "a".repeat(SearchQuery.MAX_LENGTH + 1), 400);
        assertThat(tooLong.select(".problem").text()).contains(String.valueOf(SearchQuery.MAX_LENGTH));
        assertThat(page("/search?q=kyiv&before=nonsense", 400).select(".problem").text()).isNotBlank();
        assertThat(page("/search?q=tidakadayangcocok", 200).select(".muted").text()).contains("Tidak ada entri");
    }
}
