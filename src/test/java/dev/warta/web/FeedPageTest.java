package dev.warta.web;

import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
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

/**
 * A feed's address opened in a browser is an Indonesian page of that feed; every feed reader keeps the feed's bytes.
 * The readers' {@code Accept} headers are the ones their sources send.
 */
@QuarkusTest
class FeedPageTest {

    /** What Chromium and Firefox send when navigating. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    /** feedparser's {@code ACCEPT_HEADER} (feedparser/http.py). */
    static final String FEEDPARSER = "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,"
            + "application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1";
    /**
     * Miniflux's {@code defaultAcceptHeader} (internal/reader/fetcher/request_builder.go): it names {@code text/html} at
     * the same q as the feed types, so a tie must keep the feed.
     */
    static final String MINIFLUX = "application/xml, application/atom+xml, application/rss+xml, application/rdf+xml, "
            + "application/feed+json, text/html, */*;q=0.9";
    /**
     * newsboat sets no {@code Accept} (rss/parser.cpp sets only User-Agent, If-None-Match, A-IM), so libcurl sends its
     * default {@code *}{@code /*}.
     */
    static final String NEWSBOAT = "*/*";
    /**
     * NetNewsWire sets no {@code Accept} either: its feed downloads (Modules/RSWeb/Sources/RSWeb/DownloadSession.swift,
     * {@code makeURLSession}) add only {@code UserAgent.headers()}, a User-Agent (Modules/RSWeb/Sources/RSWeb/UserAgent.swift),
     * and each request only If-Modified-Since and If-None-Match (Modules/Account/Sources/Account/URLRequest+Account.swift);
     * HTTPRequestHeader.swift names no Accept. So Apple's URLSession sends its default, {@code *}{@code /*}, with
     * Accept-Language and Accept-Encoding (github:Ranchero-Software/NetNewsWire at 834decf, August 2026).
     */
    static final String NETNEWSWIRE = "*/*";

    @Inject
    TestDatabase db;

    @Inject
    PageRenderer renderer;

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

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss",
            "/feeds/topics/" + TOPIC_SLUG + ".json", "/feeds/topics/" + TOPIC_SLUG, "/feeds/all.atom", "/feeds/all" })
    void everyFeedReaderKeepsTheFeedsBytes(String path) {
        byte[] feed = get(url(path)).body();
        assertThat(new String(feed, StandardCharsets.UTF_8)).doesNotContain("<!DOCTYPE html>");
        for (String accept : List.of("*/*", FEEDPARSER, MINIFLUX, NEWSBOAT, NETNEWSWIRE)) {
            HttpResponse<byte[]> r = get(url(path), "Accept", accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(200);
            assertThat(header(r, "Content-Type")).as(accept).doesNotStartWith("text/html");
            assertThat(r.body()).as(accept).isEqualTo(feed);
            assertThat(header(r, "Vary")).as(accept).isEqualTo("Accept, Accept-Encoding");
        }
        HttpResponse<byte[]> browser = get(url(path), "Accept", BROWSER);
        assertThat(header(browser, "Content-Type")).isEqualTo("text/html;charset=utf-8");
        assertThat(header(browser, "Vary")).isEqualTo("Accept, Accept-Encoding");
        assertThat(header(browser, "ETag")).isNotEqualTo(header(get(url(path)), "ETag"));
        assertThat(header(browser, "Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void aBrowserSeesTheTopicItsEntriesAndHowToSubscribe() {
        String atom = url("/feeds/topics/" + TOPIC_SLUG + ".atom");
        HttpResponse<byte[]> r = get(atom, "Accept", BROWSER);
        Document page = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), atom);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("id");
        assertThat(page.selectFirst("h1").text()).isEqualTo(TOPIC_LABEL);
        assertThat(page.getElementById("subscribe").text()).contains("Ini adalah feed Atom");
        assertThat(page.selectFirst("#subscribe .address").text()).isEqualTo(atom);
        assertThat(page.select("ul.entries li > a").eachText()).hasSize(4).first().isEqualTo(SAMPLE_TITLE);
        assertThat(page.select("ul.entries time").first().text()).as("in Indonesian; the sample gives only its day")
                .isEqualTo("Senin, 19 Desember 2022");
        assertThat(page.select("ul.entries .badge").eachText()).as("stubs are marked").contains("terkait");
        assertThat(page.select("#subscribe .feeds a").eachAttr("href")).containsExactly(atom,
                url("/feeds/topics/" + TOPIC_SLUG + ".rss"), url("/feeds/topics/" + TOPIC_SLUG + ".json"));

        HttpResponse<byte[]> rss = get(url("/feeds/topics/" + TOPIC_SLUG + ".rss"), "Accept", BROWSER);
        assertThat(Jsoup.parse(new String(rss.body(), StandardCharsets.UTF_8)).getElementById("subscribe").text())
                .contains("Ini adalah feed RSS");
        assertThat(get(url("/feeds/topics/tidak-ada.atom"), "Accept", BROWSER).statusCode()).isEqualTo(404);
    }

    @Test
    void aTopicPageShowsOneRowOfSubscribeLinks() {
        String topic = url("/topics/" + TOPIC_SLUG);
        Document page = Jsoup.parse(new String(get(topic).body(), StandardCharsets.UTF_8), topic);
        assertThat(page.select("a[type='application/atom+xml']")).as("not repeated in the header").hasSize(1);
        assertThat(page.select("section.subscribe a[type='application/atom+xml']")).hasSize(1);
        Document home = Jsoup.parse(new String(get(url("/")).body(), StandardCharsets.UTF_8));
        assertThat(home.select("header.site a[type='application/atom+xml']")).as("other pages keep it").hasSize(1);
    }

    @Test
    void theFeedsPageIsCachedLikeThePages() {
        String path = url("/feeds/all.rss");
        HttpResponse<byte[]> first = get(path, "Accept", BROWSER);
        double renders = renderer.renderCount();
        HttpResponse<byte[]> again = get(path, "Accept", BROWSER);
        assertThat(renderer.renderCount()).as("served from the render cache").isEqualTo(renders);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(header(again, "ETag")).isEqualTo(header(first, "ETag"));
        assertThat(get(path, "Accept", BROWSER, "If-None-Match", header(first, "ETag")).statusCode()).isEqualTo(304);
        assertThat(get(path).body()).as("the feed is another cache entry").isNotEqualTo(first.body());
    }

    @Test
    void aDayOnlyDateIsShownAsTheDay() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of(
                "title", "Menlu Retno Bertemu Menlu Ukraina di Kyiv",
                "summary", "Pertemuan di Kyiv.",
                "published", "2022-12-21T10:00:00+07:00",
                "topics", List.of("Diplomasi"),
                "related", List.of(Map.of("title", "Zelensky Minta Warga Kabur",
                        "url", "https://www.tribunnews.com/internasional/2022/12/20/zelensky-minta-warga-kabur"))))
                .post("/api/articles").then().statusCode(201);
        String all = url("/feeds/all.atom");
        Document page = Jsoup.parse(new String(get(all, "Accept", BROWSER).body(), StandardCharsets.UTF_8), all);
        assertThat(page.select("ul.entries li").eachText()).anySatisfy(li -> assertThat(li)
                .contains("Zelensky Minta Warga Kabur").contains("Selasa, 20 Desember 2022").doesNotContain("00:00 WIB"));
        assertThat(page.select("ul.entries li").eachText()).anySatisfy(li -> assertThat(li)
                .contains("Menlu Retno").contains("Rabu, 21 Desember 2022 10:00 WIB"));
    }
}
