package dev.warta.publish;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A stub in a feed says what it is: a related article of the articles that link it, marked as such. */
@QuarkusTest
class StubsInFeedsTest {

    static final String NOTE = "Artikel terkait dari \u201c" + SAMPLE_TITLE + "\u201d.";

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

    @Test
    void atomMarksAStubAsRelatedAndNamesTheArticleThatLinksIt() {
        List<Entry> entries = FeedReader.atom(get(url("/feeds/topics/" + TOPIC_SLUG + ".atom")).body()).getEntries();
        Entry article = entries.stream().filter(e -> e.getTitle().equals(SAMPLE_TITLE)).findFirst().orElseThrow();
        Entry stub = entries.stream().filter(e -> e.getTitle().equals(BACA_JUGA[0])).findFirst().orElseThrow();
        assertThat(stub.getSummary().getValue()).startsWith(NOTE);
        assertThat(stub.getCategories()).anySatisfy(c -> {
            assertThat(c.getTerm()).isEqualTo("related");
            assertThat(c.getScheme()).isEqualTo("urn:warta:entry-kind");
            assertThat(c.getLabel()).isEqualTo("Artikel terkait");
        });
        assertThat(article.getCategories()).noneSatisfy(c -> assertThat(c.getTerm()).isEqualTo("related"));
        assertThat(article.getSummary().getValue()).doesNotContain("Artikel terkait");
    }

    @Test
    void rssMarksAStubAsRelatedToo() {
        List<Item> items = FeedReader.rss(get(url("/feeds/topics/" + TOPIC_SLUG + ".rss")).body()).getItems();
        Item stub = items.stream().filter(i -> i.getTitle().equals(BACA_JUGA[0])).findFirst().orElseThrow();
        assertThat(stub.getDescription().getValue()).startsWith(NOTE);
        assertThat(stub.getCategories()).anySatisfy(c -> {
            assertThat(c.getValue()).isEqualTo("related");
            assertThat(c.getDomain()).isEqualTo("urn:warta:entry-kind");
        });
        Item article = items.stream().filter(i -> i.getTitle().equals(SAMPLE_TITLE)).findFirst().orElseThrow();
        assertThat(article.getCategories()).noneSatisfy(c -> assertThat(c.getValue()).isEqualTo("related"));
    }

    @Test
    void jsonFeedGivesAStubASummaryAndKeepsItsContentText() throws Exception {
        JsonNode items = new ObjectMapper().readTree(get(url("/feeds/topics/" + TOPIC_SLUG + ".json")).body()).get("items");
        JsonNode stub = null;
        for (JsonNode item : items) {
            if (item.get("title").asText().equals(BACA_JUGA[0])) {
                stub = item;
            }
        }
        assertThat(stub).isNotNull();
        assertThat(stub.get("summary").asText()).startsWith(NOTE);
        assertThat(stub.get("content_text").asText()).isEqualTo(BACA_JUGA[0]);
    }
}
