package dev.warta.publish;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static dev.warta.Http.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warta.Fixtures;
import dev.warta.Http;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** HTTP on every feed address: validators, 304, precedence, HEAD, gzip, Vary, CORS, Cache-Control. */
@QuarkusTest
class FeedHttpTest {


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

    static String expectedType(String path) {
        if (path.endsWith(".rss")) {
            return "application/rss+xml;charset=utf-8";
        }
        if (path.endsWith(".json")) {
            return "application/feed+json;charset=utf-8";
        }
        if (path.endsWith(".opml")) {
            return "text/x-opml;charset=utf-8";
        }
        return "application/atom+xml;charset=utf-8";
    }

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss",
            "/feeds/topics/" + TOPIC_SLUG + ".json", "/feeds/topics/" + TOPIC_SLUG, "/feeds/all.atom", "/feeds/all.rss",
            "/feeds/all.json", "/feeds/all", "/feeds.opml" })
    void everyFeedCarriesValidatorsCachingCorsAndLinks(String path) {
        HttpResponse<byte[]> r = get(url(path));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).isEqualTo(expectedType(path));
        assertThat(header(r, "ETag")).as("a strong validator").matches("\"[A-Za-z0-9_-]+\"");
        assertThat(lastModified(r)).isBeforeOrEqualTo(Instant.now());
        assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(header(r, "Vary")).contains("Accept-Encoding");
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(r, "Access-Control-Expose-Headers")).contains("ETag").contains("Link");
        assertThat(header(r, "Date")).isNotNull();
        assertThat(header(r, "Content-Encoding")).isNull();
        assertThat(r.body()).isNotEmpty();
        if (!path.endsWith(".opml")) {
            assertThat(header(r, "Link")).contains("<" + url("/websub") + ">; rel=\"hub\"").contains("rel=\"self\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss",
            "/feeds/topics/" + TOPIC_SLUG + ".json", "/feeds/topics/" + TOPIC_SLUG, "/feeds/all.json", "/feeds.opml" })
    void returnsNotModifiedWhenTheEtagMatchesAndRepeatsTheCachingHeaders(String path) {
        HttpResponse<byte[]> first = get(url(path));
        String etag = header(first, "ETag");

        HttpResponse<byte[]> again = get(url(path), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "Cache-Control")).isEqualTo(header(first, "Cache-Control"));
        assertThat(header(again, "Vary")).isEqualTo(header(first, "Vary"));
        assertThat(header(again, "Last-Modified")).isEqualTo(header(first, "Last-Modified"));

        assertThat(get(url(path), "If-None-Match", "\"other\", " + etag).statusCode()).as("one of a list").isEqualTo(304);
        assertThat(get(url(path), "If-None-Match", "W/" + etag).statusCode()).as("weak comparison").isEqualTo(304);
        assertThat(get(url(path), "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(get(url(path), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/all.rss", "/feeds/all.json", "/feeds.opml" })
    void ifModifiedSinceWorksAloneButIfNoneMatchTakesPrecedence(String path) {
        HttpResponse<byte[]> first = get(url(path));
        String lastModified = header(first, "Last-Modified");
        String later = http(lastModified(first).plusSeconds(3600));
        String earlier = http(lastModified(first).minusSeconds(3600));

        assertThat(get(url(path), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(url(path), "If-Modified-Since", later).statusCode()).isEqualTo(304);
        assertThat(get(url(path), "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
        assertThat(get(url(path), "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);

        // RFC 9110 §13.1.3: a recipient MUST ignore If-Modified-Since when If-None-Match is present.
        assertThat(get(url(path), "If-None-Match", "\"stale\"", "If-Modified-Since", later).statusCode()).isEqualTo(200);
        assertThat(get(url(path), "If-None-Match", header(first, "ETag"), "If-Modified-Since", earlier).statusCode())
                .isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss",
            "/feeds/topics/" + TOPIC_SLUG + ".json", "/feeds/topics/" + TOPIC_SLUG, "/feeds.opml" })
    void headAnswersLikeGetWithoutABody(String path) {
        HttpResponse<byte[]> get = get(url(path));
        HttpResponse<byte[]> head = send("HEAD", url(path));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
        for (String name : new String[] { "Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary", "Link",
                "Access-Control-Allow-Origin" }) {
            assertThat(header(head, name)).as(name).isEqualTo(header(get, name));
        }
        assertThat(send("HEAD", url(path), "If-None-Match", header(get, "ETag")).statusCode()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss",
            "/feeds/topics/" + TOPIC_SLUG + ".json", "/feeds/topics/" + TOPIC_SLUG, "/feeds.opml" })
    void gzipWhenAskedWithItsOwnValidator(String path) {
        HttpResponse<byte[]> plain = get(url(path));
        HttpResponse<byte[]> gz = get(url(path), "Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1");
        assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gz, "Vary")).contains("Accept-Encoding");
        assertThat(Http.gunzip(gz.body())).isEqualTo(plain.body());
        assertThat(gz.body().length).isLessThan(plain.body().length);
        assertThat(header(gz, "ETag")).isNotEqualTo(header(plain, "ETag")).matches("\"[A-Za-z0-9_-]+\"");

        assertThat(get(url(path), "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag")).statusCode()).isEqualTo(304);
        assertThat(get(url(path), "If-None-Match", header(gz, "ETag")).statusCode())
                .as("the gzip validator does not validate the plain bytes").isEqualTo(200);
        assertThat(header(get(url(path), "Accept-Encoding", "gzip;q=0, identity"), "Content-Encoding")).isNull();
        assertThat(header(get(url(path), "Accept-Encoding", "deflate"), "Content-Encoding")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/all.json", "/feeds.opml" })
    void answersCorsPreflightForAnyOrigin(String path) {
        HttpResponse<byte[]> r = send("OPTIONS", url(path), "Origin", "https://other.example", "Access-Control-Request-Method",
                "GET", "Access-Control-Request-Headers", "if-none-match");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(r, "Access-Control-Allow-Methods")).contains("GET").contains("HEAD");
        assertThat(header(r, "Access-Control-Allow-Headers")).isEqualTo("if-none-match");
        assertThat(header(r, "Access-Control-Max-Age")).isNotNull();
        assertThat(header(get(url(path), "Origin", "https://other.example"), "Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void negotiatesTheFormatOfATopicByAccept() {
        String path = url("/feeds/topics/" + TOPIC_SLUG);
        assertThat(header(get(path), "Content-Type")).as("Atom by default").startsWith("application/atom+xml");
        assertThat(header(get(path, "Accept", "*/*"), "Content-Type")).startsWith("application/atom+xml");
        assertThat(header(get(path, "Accept", "application/rss+xml"), "Content-Type")).startsWith("application/rss+xml");
        assertThat(header(get(path, "Accept", "application/feed+json"), "Content-Type")).startsWith("application/feed+json");
        assertThat(header(get(path, "Accept", "application/json"), "Content-Type")).startsWith("application/feed+json");
        assertThat(header(get(path, "Accept", "application/atom+xml;q=0.5, application/rss+xml;q=0.9"), "Content-Type"))
                .startsWith("application/rss+xml");
        // Changed deliberately (issue 11): a browser no longer gets Atom here but the feed's HTML page (web.FeedPageTest).
        HttpResponse<byte[]> browser = get(path, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(header(browser, "Content-Type")).as("a browser gets the page").startsWith("text/html");
        assertThat(header(browser, "Vary")).isEqualTo("Accept, Accept-Encoding");

        HttpResponse<byte[]> rss = get(path, "Accept", "application/rss+xml");
        assertThat(header(rss, "Vary")).isEqualTo("Accept, Accept-Encoding");
        assertThat(header(rss, "Content-Location")).isEqualTo(path + ".rss");
        assertThat(rss.body()).isEqualTo(get(path + ".rss").body());
        assertThat(header(rss, "ETag")).isEqualTo(header(get(path + ".rss"), "ETag"));
        assertThat(header(get(path + ".rss"), "Vary")).isEqualTo("Accept, Accept-Encoding");

        HttpResponse<byte[]> none = get(path, "Accept", "image/png");
        assertThat(none.statusCode()).isEqualTo(406);
        assertThat(header(none, "Content-Type")).isEqualTo("application/problem+json");
    }

    /**
     * Changed deliberately (issue 11): a browser opening a feed's address gets the feed's HTML page (its own media type
     * and validator, {@code Vary: Accept} on both answers); the feed's bytes still carry the stylesheet for readers that
     * show XML, and {@code /feeds.opml} stays XML (as {@code application/xml}, so a browser applies no download).
     */
    @ParameterizedTest
    @ValueSource(strings = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss", "/feeds/all.atom",
            "/feeds.opml" })
    void aBrowserGetsThePageOfAFeedAndTheOpmlAsXml(String path) {
        String browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
        HttpResponse<byte[]> reader = get(url(path), "Accept", "application/atom+xml, application/rss+xml, */*;q=0.1");
        HttpResponse<byte[]> browser = get(url(path), "Accept", browserAccept);
        assertThat(header(reader, "Content-Type")).isEqualTo(expectedType(path));
        assertThat(header(reader, "Vary")).isEqualTo("Accept, Accept-Encoding");
        assertThat(header(browser, "Vary")).isEqualTo("Accept, Accept-Encoding");
        assertThat(header(browser, "ETag")).as("another representation, another validator").isNotEqualTo(header(reader, "ETag"));
        assertThat(get(url(path), "Accept", browserAccept, "If-None-Match", header(browser, "ETag")).statusCode()).isEqualTo(304);
        if (path.endsWith(".opml")) {
            assertThat(header(browser, "Content-Type")).isEqualTo("application/xml;charset=utf-8");
            assertThat(browser.body()).isEqualTo(reader.body());
        } else {
            assertThat(header(browser, "Content-Type")).isEqualTo("text/html;charset=utf-8");
            assertThat(new String(reader.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<?xml-stylesheet type=\"text/xsl\" href=\"" + url("/feeds/feed.xsl") + "\"?>");
        }
    }

    @Test
    void aLargeFeedGoesOutByteForByte() {
        for (int i = 1; i <= 8; i++) {
            given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8")
                    .body("Laporan Lanjutan " + i + " " + Fixtures.sample()).post("/api/articles").then().statusCode(201);
        }
        String path = url("/feeds/topics/" + TOPIC_SLUG + ".atom");
        HttpResponse<byte[]> plain = get(path);
        assertThat(plain.body().length).as("many TCP segments").isGreaterThan(32 * 1024);
        assertThat(header(plain, "Content-Length")).isEqualTo(String.valueOf(plain.body().length));
        assertThat(dev.warta.FeedReader.atom(plain.body()).getEntries()).hasSize(12);
        assertThat(get(path).body()).isEqualTo(plain.body());
        assertThat(Http.gunzip(get(path, "Accept-Encoding", "gzip").body())).isEqualTo(plain.body());
        assertThat(header(send("HEAD", path), "Content-Length")).isEqualTo(String.valueOf(plain.body().length));
    }

    @Test
    void errorsAreProblemsWithCors() {
        HttpResponse<byte[]> missing = get(url("/feeds/topics/tidak-ada.json"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Content-Type")).isEqualTo("application/problem+json");
        assertThat(new String(missing.body())).contains("\"status\":404").contains("tidak-ada");
        assertThat(get(url("/feeds/nothing-here")).statusCode()).isEqualTo(404);
        assertThat(get(url("/feeds/all.atom?before=yesterday")).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> post = send("POST", url("/feeds/all.atom"));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(header(post, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void everyFeedDocumentAdvertisesTheHubAndItself() throws Exception {
        String atomUrl = url("/feeds/topics/" + TOPIC_SLUG + ".atom");
        var atom = dev.warta.FeedReader.atom(get(atomUrl).body());
        assertThat(atom.getOtherLinks()).filteredOn(l -> "hub".equals(l.getRel())).extracting(l -> l.getHref())
                .containsExactly(url("/websub"));
        assertThat(atom.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(l -> l.getHref())
                .containsExactly(atomUrl);

        String rssUrl = url("/feeds/topics/" + TOPIC_SLUG + ".rss");
        var rss = dev.warta.FeedReader.rss(get(rssUrl).body());
        assertThat(FeedPagingTest.atomLink(rss, "hub")).isEqualTo(url("/websub"));
        assertThat(FeedPagingTest.atomLink(rss, "self")).isEqualTo(rssUrl);

        String jsonUrl = url("/feeds/topics/" + TOPIC_SLUG + ".json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(jsonUrl).body());
        assertThat(json.get("hubs").get(0).get("url").asText()).isEqualTo(url("/websub"));
        assertThat(json.get("feed_url").asText()).isEqualTo(jsonUrl);
    }

    @Test
    void openApiDescribesTheFeedsThoughTheyAreARoute() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/feeds/topics/{slug}.{format}'.get.summary", org.hamcrest.Matchers.containsString("Atom"))
                .body("paths.'/feeds.opml'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/websub'.post", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theStylesheetIsServedWithValidators() {
        HttpResponse<byte[]> r = get(url("/feeds/feed.xsl"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).startsWith("text/xsl");
        assertThat(new String(r.body())).contains("xsl:stylesheet");
        assertThat(get(url("/feeds/feed.xsl"), "If-None-Match", header(r, "ETag")).statusCode()).isEqualTo(304);
    }

    static Instant lastModified(HttpResponse<?> r) {
        return ZonedDateTime.parse(header(r, "Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    static String http(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
