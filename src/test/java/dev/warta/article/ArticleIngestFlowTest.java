package dev.warta.article;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ArticleIngestFlowTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static Response post(String text) {
        return given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(text)
                .post("/api/articles");
    }

    static Feed topicAtom() {
        byte[] xml = given().get("/feeds/topics/" + TOPIC_SLUG + ".atom")
                .then().statusCode(200).contentType("application/atom+xml;charset=utf-8")
                .extract().asByteArray();
        return FeedReader.atom(xml);
    }

    static Channel topicRss() {
        byte[] xml = given().get("/feeds/topics/" + TOPIC_SLUG + ".rss")
                .then().statusCode(200).contentType("application/rss+xml;charset=utf-8")
                .extract().asByteArray();
        return FeedReader.rss(xml);
    }

    static LocalDate jakartaDay(Date date) {
        return date.toInstant().atOffset(ZoneOffset.ofHours(7)).toLocalDate();
    }

    @Test
    void createsTheArticleWithLocationAndJson() {
        Response response = post(Fixtures.sample());
        response.then().statusCode(201)
                .header("Location", startsWith("http://localhost:"))
                .contentType("application/json")
                .body("title", equalTo(SAMPLE_TITLE))
                .body("author", equalTo("Yunita Rahmayanti"))
                .body("editor", equalTo("Whiesa Daniswara"))
                .body("stub", equalTo(false))
                .body("published", equalTo("2022-12-18T17:00:00Z"))
                .body("topics[0].slug", equalTo(TOPIC_SLUG))
                .body("topics[0].label", equalTo(TOPIC_LABEL))
                .body("related.title", equalTo(List.of(BACA_JUGA)));
        int id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/entries/" + id);

        given().auth().oauth2(TOKEN).get(response.header("Location")).then().statusCode(200)
                .body("id", equalTo(id)).body("contentHtml", startsWith("<p>Presiden Rusia, Vladimir Putin"));
    }

    @Test
    void publishesTheArticleAndItsRelatedArticlesInTheTopicsAtomFeed() {
        post(Fixtures.sample()).then().statusCode(201);

        Feed feed = topicAtom();
        assertThat(feed.getTitle()).isEqualTo(TOPIC_LABEL);
        assertThat(feed.getEntries()).extracting(Entry::getTitle)
                .containsExactlyInAnyOrder(SAMPLE_TITLE, BACA_JUGA[0], BACA_JUGA[1], BACA_JUGA[2]);
        assertThat(feed.getEntries().get(0).getTitle()).as("the article comes first").isEqualTo(SAMPLE_TITLE);

        Entry article = feed.getEntries().get(0);
        assertThat(article.getAuthors()).extracting(p -> p.getName()).containsExactly("Yunita Rahmayanti");
        assertThat(article.getContributors()).extracting(p -> p.getName()).containsExactly("Whiesa Daniswara");
        assertThat(jakartaDay(article.getPublished())).isEqualTo(LocalDate.of(2022, 12, 19));
        assertThat(article.getCategories()).extracting(Category::getTerm, Category::getLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TOPIC_SLUG, TOPIC_LABEL));
        List<Link> related = article.getOtherLinks().stream().filter(l -> "related".equals(l.getRel())).toList();
        assertThat(related).extracting(Link::getTitle).containsExactly(BACA_JUGA);
        assertThat(article.getSummary().getValue()).startsWith("Presiden Rusia Vladimir Putin kunjungi");
        assertThat(article.getContents().get(0).getType()).isEqualTo("html");
        assertThat(article.getContents().get(0).getValue()).contains("<h2>Latihan militer bersama</h2>");

        for (Entry stub : feed.getEntries().subList(1, 4)) {
            assertThat(jakartaDay(stub.getPublished())).as("a stub is dated by the article that links it")
                    .isEqualTo(LocalDate.of(2022, 12, 19));
            // Changed deliberately (issue 11): a stub also carries the category that marks it as a related article.
            assertThat(stub.getCategories()).extracting(Category::getLabel).containsExactly(TOPIC_LABEL, "Artikel terkait");
            String page = stub.getAlternateLinks().get(0).getHref();
            assertThat(related).extracting(Link::getHref).contains(page);
            given().get(page).then().statusCode(200).contentType(startsWith("text/html"));
        }
    }

    @Test
    void publishesTheSameInTheTopicsRssFeed() {
        post(Fixtures.sample()).then().statusCode(201);

        Channel rss = topicRss();
        assertThat(rss.getTitle()).isEqualTo(TOPIC_LABEL);
        assertThat(rss.getItems()).extracting(Item::getTitle).containsExactly(SAMPLE_TITLE, BACA_JUGA[2], BACA_JUGA[1], BACA_JUGA[0]);
        Item article = rss.getItems().get(0);
        DCModule dc = (DCModule) article.getModule(DCModule.URI);
        assertThat(dc.getCreator()).isEqualTo("Yunita Rahmayanti");
        assertThat(jakartaDay(article.getPubDate())).isEqualTo(LocalDate.of(2022, 12, 19));
        assertThat(article.getCategories()).extracting(c -> c.getValue()).containsExactly(TOPIC_LABEL);
        assertThat(article.getGuid().getValue()).startsWith("urn:uuid:");
        assertThat(article.getContent().getValue()).contains("Baca juga").contains(BACA_JUGA);
        assertThat(article.getDescription().getValue()).startsWith("Presiden Rusia Vladimir Putin kunjungi");
    }

    @Test
    void postingTheSameArticleAgainChangesNothing() {
        int id = post(Fixtures.sample()).then().statusCode(201).extract().path("id");
        String before = db.snapshot();
        String feedBefore = given().get("/feeds/topics/" + TOPIC_SLUG + ".atom").asString();

        post(Fixtures.sample()).then().statusCode(200).body("id", equalTo(id))
                .header("Warta-Ingest-Outcome", "unchanged");

        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(topicAtom().getEntries()).hasSize(4);
        assertThat(given().get("/feeds/topics/" + TOPIC_SLUG + ".atom").asString()).isEqualTo(feedBefore);
    }

    @Test
    void anArticleTitledLikeABacaJugaFillsThatStubInPlace() {
        post(Fixtures.sample()).then().statusCode(201);
        Entry stub = topicAtom().getEntries().stream().filter(e -> e.getTitle().equals(BACA_JUGA[0])).findFirst().orElseThrow();
        String stubPage = stub.getAlternateLinks().get(0).getHref();
        int stubId = Integer.parseInt(stubPage.substring(stubPage.lastIndexOf('/') + 1));

        String text = """
                infrastruktur penting Ukraina hancur dihajar drone Rusia -- Zelensky minta warga kabur!
                Serangan drone Rusia menghancurkan infrastruktur penting Ukraina.
                Penulis: Andari Wulan Nugrahani
                Editor: Whiesa Daniswara
                TRIBUNNEWS.COM - Presiden Ukraina Volodymyr Zelensky meminta warga mengungsi, Senin (19/12/2022).
                Listrik padam di banyak kota.
                (Tribunnews.com/Andari Wulan Nugrahani)
                Artikel lain terkait Konflik Rusia VS Ukraina
                """;
        post(text).then().statusCode(201).body("id", equalTo(stubId)).body("stub", equalTo(false))
                .header("Warta-Ingest-Outcome", "filled-stub");

        Feed feed = topicAtom();
        assertThat(feed.getEntries()).hasSize(4);
        Entry filled = feed.getEntries().stream().filter(e -> e.getAlternateLinks().get(0).getHref().equals(stubPage))
                .findFirst().orElseThrow();
        assertThat(filled.getAuthors()).extracting(p -> p.getName()).containsExactly("Andari Wulan Nugrahani");
        assertThat(filled.getContents().get(0).getValue()).contains("Listrik padam");
        assertThat(filled.getId()).isEqualTo(stub.getId());
    }

    @Test
    void anEditedArticleMovesUpdatedButNotPublished() {
        post(Fixtures.sample()).then().statusCode(201);
        Entry before = topicAtom().getEntries().get(0);

        String edited = Fixtures.sample().replace("Kunjungan ini menjadi yang pertama kalinya sejak 2019.",
                "Kunjungan ini menjadi yang pertama kalinya sejak 2019, kata Kremlin.");
        post(edited).then().statusCode(200).header("Warta-Ingest-Outcome", "updated");

        Feed feed = topicAtom();
        assertThat(feed.getEntries()).hasSize(4);
        Entry after = feed.getEntries().get(0);
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getPublished()).isEqualTo(before.getPublished());
        assertThat(after.getUpdated()).isAfter(before.getUpdated());
        assertThat(after.getContents().get(0).getValue()).contains("kata Kremlin");
        assertThat(feed.getUpdated()).isEqualTo(after.getUpdated());
    }

    @Test
    void thePublishedParameterOverridesTheDateInTheText() {
        post(Fixtures.sample()).then().statusCode(201);
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample())
                .queryParam("published", "2022-12-20T08:15:00+07:00")
                .post("/api/articles")
                .then().statusCode(201).body("published", equalTo("2022-12-20T01:15:00Z"));
    }

    @Test
    void topicParametersAddTopics() {
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample())
                .queryParam("topic", "Belarus").queryParam("topic", "Diplomasi Rusia")
                .post("/api/articles")
                .then().statusCode(201)
                .body("topics.slug", equalTo(List.of("belarus", "diplomasi-rusia", TOPIC_SLUG)));

        given().auth().oauth2(TOKEN).get("/api/topics").then().statusCode(200)
                .body("slug", equalTo(List.of("belarus", "diplomasi-rusia", TOPIC_SLUG)))
                .body("find { it.slug == 'belarus' }.entries", equalTo(4));
        byte[] xml = given().get("/feeds/topics/diplomasi-rusia.atom").then().statusCode(200).extract().asByteArray();
        assertThat(FeedReader.atom(xml).getEntries()).hasSize(4);
    }

    @Test
    void theAllFeedHoldsEveryEntry() {
        post(Fixtures.sample()).then().statusCode(201);
        post("Berita Lain\nRingkasan.\nTRIBUNNEWS.COM - Isi berita, Selasa (20/12/2022).\nArtikel lain terkait Ekonomi\n")
                .then().statusCode(201);
        Feed all = FeedReader.atom(given().get("/feeds/all.atom").then().statusCode(200).extract().asByteArray());
        assertThat(all.getEntries()).hasSize(5);
        assertThat(all.getEntries().get(0).getTitle()).isEqualTo("Berita Lain");
        Channel rss = FeedReader.rss(given().get("/feeds/all.rss").then().statusCode(200).extract().asByteArray());
        assertThat(rss.getItems()).hasSize(5);
        assertThat(topicAtom().getEntries()).hasSize(4);
    }

    @Test
    void anArticleWithoutADateIsDatedAtIngestAndStaysIdempotent() {
        Instant before = Instant.now();
        String text = "Judul Tanpa Tanggal\nRingkasan.\nTRIBUNNEWS.COM - Isi.\nArtikel lain terkait Ekonomi\n";
        int id = post(text).then().statusCode(201).extract().path("id");
        String published = given().auth().oauth2(TOKEN).get("/api/entries/" + id).path("published");
        assertThat(Instant.parse(published)).isAfterOrEqualTo(before.minusSeconds(1));
        post(text).then().statusCode(200).body("id", equalTo(id)).body("published", equalTo(published));
    }
}
