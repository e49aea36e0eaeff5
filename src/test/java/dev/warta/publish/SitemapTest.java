package dev.warta.publish;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

import dev.warta.FakeSite;
import dev.warta.Http;
import dev.warta.TestDatabase;
import dev.warta.poll.Sources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sitemaps and robots.txt as a crawler reads them: which entries each lists (the desk's articles; in the news
 * sitemap only those of the last two days), every required element in its namespace, and the feeds' validators.
 */
@QuarkusTest
class SitemapTest {

    static final String TOPIC = "Pemilu Daerah";
    static final String TODAY = "Gubernur Baru Dilantik di Balai Kota Pagi Ini";
    static final String OLD = "Banjir Surut Setelah Tiga Hari Menggenangi Kota";
    static final String STUB = "Warga Kembali ke Rumah Masing-masing";
    static final String ITEM = "Kabar dari Sumber Luar Hari Ini";

    @Inject
    TestDatabase db;

    @Inject
    PublishedSitemaps sitemaps;

    @TestHTTPResource("/")
    URL root;

    FakeSite upstream;
    Instant todayPublished;
    long todayId;
    long oldId;

    @BeforeEach
    void seed() {
        db.clear();
        todayPublished = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        todayId = postArticle(TODAY, todayPublished, List.of(TOPIC), List.of(STUB));
        upstream = new FakeSite();
        String pubDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(todayPublished.atOffset(ZoneOffset.UTC));
        upstream.serve("/rss.xml", "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>Luar</title><link>https://luar.example.com/</link><description>d</description>"
                + "<item><guid>luar-1</guid><title>" + ITEM + "</title><link>https://luar.example.com/1</link>"
                + "<pubDate>" + pubDate + "</pubDate><description>Ringkasan.</description></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
        Sources.subscribe(upstream.url("/rss.xml"), "Sumber Luar");
        // Last, so that the stub and the upstream item have lower ids than one of the articles.
        oldId = postArticle(OLD, Instant.now().minus(3, ChronoUnit.DAYS), List.of(TOPIC), List.of());
    }

    @AfterEach
    void stop() {
        upstream.assertNoHandlerErrors();
        upstream.close();
    }

    /** Posts a desk article (JSON form) and answers its id. */
    static long postArticle(String title, Instant published, List<String> topics, List<String> related) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", "Ringkasan " + title + ".");
        body.put("contentHtml", "<p>Isi " + title + ".</p>");
        body.put("author", "Redaksi");
        body.put("published", published.toString());
        body.put("topics", topics);
        body.put("related", related.stream().map(t -> Map.of("title", t)).toList());
        return given().auth().oauth2(TOKEN).contentType("application/json").body(body).post("/api/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    long idOf(String title) {
        return given().auth().oauth2(TOKEN).queryParam("limit", 200).get("/api/entries").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.title == '" + title + "' }.id", Long.class).get(0);
    }

    @Test
    void newsSitemapHoldsExactlyTheDeskArticlesOfTheLastTwoDaysWithEveryRequiredElement() {
        HttpResponse<byte[]> response = get(base() + "/sitemap-news.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/xml;charset=utf-8");
        SitemapXml xml = new SitemapXml(response.body());
        Node urlset = xml.doc.getDocumentElement();
        assertThat(urlset.getNamespaceURI()).isEqualTo(SitemapXml.SITEMAP_NS);
        assertThat(urlset.getLocalName()).isEqualTo("urlset");
        assertThat(xml.doc.getDocumentElement().getAttribute("xmlns:news")).isEqualTo(SitemapXml.NEWS_NS);

        List<Node> urls = xml.nodes("/s:urlset/s:url");
        assertThat(urls).as("the article of today; not the one of 3 days ago, the upstream item or the stub").hasSize(1);
        Node url = urls.get(0);
        assertThat(xml.one(url, "s:loc")).isEqualTo(base() + "/entries/" + todayId);
        Node news = xml.nodes(url, "news:news").get(0);
        assertThat(xml.nodes(url, "news:news")).hasSize(1);
        assertThat(xml.one(news, "news:publication/news:name")).isEqualTo("Warta");
        assertThat(xml.one(news, "news:publication/news:language")).isEqualTo("id");
        assertThat(OffsetDateTime.parse(xml.one(news, "news:publication_date")).toInstant()).isEqualTo(todayPublished);
        assertThat(xml.one(news, "news:title")).isEqualTo(TODAY);
        // The entries the news sitemap left out do exist.
        assertThat(idOf(ITEM)).isPositive();
        assertThat(idOf(STUB)).isPositive();
    }

    @Test
    void sitemapListsHomeEveryTopicPageAndEveryArticlePage() {
        SitemapXml xml = new SitemapXml(get(base() + "/sitemap.xml").body());
        assertThat(xml.doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(xml.doc.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapXml.SITEMAP_NS);
        List<String> topicPages = given().auth().oauth2(TOKEN).get("/api/topics").then().statusCode(200).extract().jsonPath()
                .getList("slug", String.class).stream().map(s -> base() + "/topics/" + s).toList();
        assertThat(topicPages).hasSize(2);
        List<String> expected = new ArrayList<>();
        expected.add(base() + "/");
        expected.addAll(topicPages);
        expected.add(base() + "/entries/" + todayId);
        expected.add(base() + "/entries/" + oldId);
        assertThat(xml.texts("/s:urlset/s:url/s:loc")).as("no stub, no upstream item").containsExactlyInAnyOrderElementsOf(expected);
        for (Node url : xml.nodes("/s:urlset/s:url")) {
            assertThat(OffsetDateTime.parse(xml.one(url, "s:lastmod"))).as("lastmod").isNotNull();
        }

        long later = postArticle("Jembatan Baru Dibuka untuk Umum", Instant.now().minusSeconds(60), List.of(TOPIC), List.of());
        assertThat(new SitemapXml(get(base() + "/sitemap.xml").body()).texts("/s:urlset/s:url/s:loc"))
                .as("a new article moves the version").contains(base() + "/entries/" + later);
    }

    @Test
    void robotsNamesBothSitemapsAndKeepsCrawlersOutOfTheAdmin() {
        HttpResponse<byte[]> response = get(base() + "/robots.txt");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("text/plain;charset=utf-8");
        List<String> lines = new String(response.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /api", "Disallow: /q",
                "Sitemap: " + base() + "/sitemap.xml", "Sitemap: " + base() + "/sitemap-news.xml");
    }

    @Test
    void everyOneIsServedLikeAFeedWithValidatorsHeadAndGzip() {
        for (String path : List.of("/sitemap.xml", "/sitemap-news.xml", "/robots.txt")) {
            HttpResponse<byte[]> first = get(base() + path);
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = header(first, "ETag");
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]+\"");
            assertThat(header(first, "Last-Modified")).as(path).isNotNull();
            assertThat(header(first, "Cache-Control")).as(path).startsWith("public, max-age=");
            assertThat(header(first, "Vary")).as(path).isEqualTo("Accept-Encoding");
            double renders = sitemaps.renderCount();

            HttpResponse<byte[]> again = get(base() + path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(base() + path, "If-Modified-Since", header(first, "Last-Modified")).statusCode()).as(path)
                    .isEqualTo(304);
            HttpResponse<byte[]> head = Http.send("HEAD", base() + path);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(first.body().length));
            assertThat(header(head, "ETag")).isEqualTo(etag);
            HttpResponse<byte[]> gzip = get(base() + path, "Accept-Encoding", "gzip");
            assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
            assertThat(Http.gunzip(gzip.body())).isEqualTo(first.body());
            assertThat(header(gzip, "ETag")).isNotEqualTo(etag);
            assertThat(sitemaps.renderCount()).as(path + " served from the cache").isEqualTo(renders);
        }
    }

    @Test
    void aSitemapPageIsOnlyThereWhenTheSitemapIsAnIndex() {
        assertThat(get(base() + "/sitemap.xml?page=1").statusCode()).isEqualTo(404);
        assertThat(get(base() + "/sitemap.xml?page=nol").statusCode()).isEqualTo(400);
        assertThat(Http.send("POST", base() + "/sitemap.xml").statusCode()).isEqualTo(405);
    }
}
