package dev.warta.web;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PagesTest {

    @Inject
    TestDatabase db;

    int articleId;

    @BeforeEach
    void ingestSample() {
        db.clear();
        articleId = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    private static Document page(String path) {
        String html = given().get(path).then().statusCode(200).contentType("text/html").extract().asString();
        return Jsoup.parse(html);
    }

    @Test
    void theEntryPageShowsTheArticleWithItsBylineAndBacaJuga() {
        Document page = page("/entries/" + articleId);
        assertThat(page.select("h1").text()).isEqualTo(Fixtures.SAMPLE_TITLE);
        assertThat(page.select(".author").text()).isEqualTo("Yunita Rahmayanti");
        assertThat(page.select(".editor").text()).isEqualTo("Whiesa Daniswara");
        assertThat(page.select(".body h2").eachText()).containsExactly("Latihan militer bersama",
                "Belarusia ingin tingkatkan kerja sama militer", "Kekhawatiran Ukraina");
        assertThat(page.select("ul.baca-juga a").eachText()).containsExactly(BACA_JUGA);
        for (String href : page.select("ul.baca-juga a").eachAttr("href")) {
            Document stub = page(href.replaceFirst("^https?://[^/]+", ""));
            assertThat(stub.select(".linked-from a").eachText()).containsExactly(Fixtures.SAMPLE_TITLE);
        }
    }

    @Test
    void theTopicPageListsItsEntriesAndAdvertisesBothFeeds() {
        Document page = page("/topics/" + TOPIC_SLUG);
        assertThat(page.select("h1").text()).isEqualTo(Fixtures.TOPIC_LABEL);
        assertThat(page.select("ul.entries li a")).hasSize(4);
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .endsWith("/feeds/topics/" + TOPIC_SLUG + ".atom");
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .endsWith("/feeds/topics/" + TOPIC_SLUG + ".rss");
    }

    @Test
    void theHomePageListsTopics() {
        Document page = page("/");
        assertThat(page.select("section.topic h2 a").eachText()).containsExactly(Fixtures.TOPIC_LABEL);
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href")).endsWith("/feeds/all.atom");
    }

    @Test
    void linksFollowTheForwardedPrefixOnPagesAndFeeds() {
        String page = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "warta.example.id")
                .header("X-Forwarded-Prefix", "/warta").get("/topics/" + TOPIC_SLUG).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("https://warta.example.id/warta/feeds/topics/" + TOPIC_SLUG + ".atom");
        byte[] xml = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "warta.example.id")
                .header("X-Forwarded-Prefix", "/warta").get("/feeds/topics/" + TOPIC_SLUG + ".atom")
                .then().statusCode(200).extract().asByteArray();
        assertThat(FeedReader.atom(xml).getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(l -> l.getHref())
                .containsExactly("https://warta.example.id/warta/feeds/topics/" + TOPIC_SLUG + ".atom");
    }

    @Test
    void feedLinksFollowTheForwardedHostAndProto() {
        byte[] xml = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "warta.example.id")
                .get("/feeds/topics/" + TOPIC_SLUG + ".atom").then().statusCode(200).extract().asByteArray();
        Feed feed = FeedReader.atom(xml);
        assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(l -> l.getHref())
                .containsExactly("https://warta.example.id/feeds/topics/" + TOPIC_SLUG + ".atom");
        assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref())
                .isEqualTo("https://warta.example.id/entries/" + articleId);
    }
}
