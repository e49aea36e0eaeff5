package dev.warta.web;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static dev.warta.Http.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What people (not feed readers or scripts) meet: wrong addresses, the site's icon, the order of the home page. */
@QuarkusTest
class PeoplePagesTest {

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void ingestSample() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    static Document html(HttpResponse<byte[]> r, String url) {
        return Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/entries/999999", "/entries/abc", "/entries/99999999999999999999", "/topics/tidak-ada",
            "/topics/Tidak_Ada" })
    void aBrowserAskingForAnUnknownPageGetsAnIndonesianNotFoundPage(String path) {
        HttpResponse<byte[]> r = get(url(path), "Accept", FeedPageTest.BROWSER);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(header(r, "Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(header(r, "Vary")).contains("Accept");
        assertThat(header(r, "Content-Security-Policy")).contains("default-src 'none'");
        Document page = html(r, url(path));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("id");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Halaman tidak ditemukan");
        assertThat(page.select("header.site > a").attr("abs:href")).as("the site's navigation").isEqualTo(url("/"));
        assertThat(page.select("header.site a[type='application/atom+xml']").attr("abs:href")).isEqualTo(url("/feeds/all.atom"));
        assertThat(page.select("main a").eachAttr("abs:href")).contains(url("/"));

        HttpResponse<byte[]> head = send("HEAD", url(path), "Accept", FeedPageTest.BROWSER);
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Type")).isEqualTo("text/html;charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/entries/999999", "/entries/abc", "/topics/tidak-ada" })
    void everyoneElseKeepsProblemJsonForAnUnknownPage(String path) {
        for (String accept : new String[] { null, "*/*", "application/json", FeedPageTest.FEEDPARSER, FeedPageTest.MINIFLUX }) {
            HttpResponse<byte[]> r = accept == null ? get(url(path)) : get(url(path), "Accept", accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(404);
            assertThat(header(r, "Content-Type")).as(accept).isEqualTo("application/problem+json");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(accept).contains("\"status\":404");
            assertThat(header(r, "Vary")).as(accept).contains("Accept");
        }
    }

    @Test
    void aBrowserGivenABadPageCursorGetsAnIndonesianPageWithTheStatus() {
        String path = url("/topics/" + Fixtures.TOPIC_SLUG + "?before=bukan-kursor");
        HttpResponse<byte[]> r = get(path, "Accept", FeedPageTest.BROWSER);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(html(r, path).selectFirst("h1").text()).isEqualTo("Alamat tidak dapat dibaca");
        assertThat(header(get(path), "Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void theSiteIconIsServedCachedAndNamedByEveryPage() {
        HttpResponse<byte[]> ico = get(url("/favicon.ico"));
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(header(ico, "Content-Type")).isEqualTo("image/x-icon");
        assertThat(ico.body()).as("an ICO file (header 0, 1, one image)").startsWith(0, 0, 1, 0, 1, 0);
        assertThat(header(ico, "Cache-Control")).isEqualTo("public, max-age=604800");
        assertThat(get(url("/favicon.ico"), "If-None-Match", header(ico, "ETag")).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> svg = get(url("/favicon.svg"));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(header(svg, "Content-Type")).isEqualTo("image/svg+xml");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).startsWith("<svg ");
        assertThat(header(svg, "ETag")).isNotNull().isNotEqualTo(header(ico, "ETag"));
        assertThat(header(svg, "Cache-Control")).contains("max-age=");
        assertThat(get(url("/favicon.svg"), "If-None-Match", header(svg, "ETag")).statusCode()).isEqualTo(304);
        assertThat(send("HEAD", url("/favicon.svg")).statusCode()).isEqualTo(200);

        for (String path : List.of("/", "/topics/" + Fixtures.TOPIC_SLUG, "/entries/999999")) {
            HttpResponse<byte[]> page = get(url(path), "Accept", FeedPageTest.BROWSER);
            assertThat(html(page, url(path)).select("link[rel=icon]").attr("abs:href")).as(path).isEqualTo(url("/favicon.svg"));
        }
    }

    @Test
    void theHomePageListsTopicsByTheirNewestEntryAndEmptyTopicsLast() {
        article("Aceh Diguncang Gempa Magnitudo 5", "2022-12-21T08:00:00+07:00", "Bencana Alam");
        article("Timnas Indonesia Menang di Piala AFF", "2022-12-23T20:00:00+07:00", "Sepak Bola");
        article("Harga Cabai Turun Jelang Tahun Baru", "2022-12-22T07:00:00+07:00", "Ekonomi");
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("label", "Antariksa"))
                .put("/api/topics/antariksa").then().statusCode(201);
        Document home = html(get(url("/")), url("/"));
        assertThat(home.select("section.topic h2 a").eachText()).as("newest entry first, then topics without entries")
                .containsExactly("Sepak Bola", "Ekonomi", "Bencana Alam", Fixtures.TOPIC_LABEL, "Antariksa");

        article("Ekonomi Indonesia Tumbuh Lima Persen", "2022-12-24T09:00:00+07:00", "Ekonomi");
        assertThat(html(get(url("/")), url("/")).select("section.topic h2 a").eachText()).as("moves with a new entry")
                .containsExactly("Ekonomi", "Sepak Bola", "Bencana Alam", Fixtures.TOPIC_LABEL, "Antariksa");
    }

    private static void article(String title, String published, String topic) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("title", title, "summary", title + ".", "published", published, "topics", List.of(topic)))
                .post("/api/articles").then().statusCode(201);
    }
}
