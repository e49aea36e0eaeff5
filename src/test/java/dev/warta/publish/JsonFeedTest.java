package dev.warta.publish;

import static dev.warta.Fixtures.BACA_JUGA;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), checked field by field. */
@QuarkusTest
class JsonFeedTest {

    /** Top-level fields the spec defines. */
    static final Set<String> FEED_FIELDS = Set.of("version", "title", "home_page_url", "feed_url", "description",
            "user_comment", "next_url", "icon", "favicon", "authors", "author", "language", "expired", "hubs", "items");
    static final Set<String> ITEM_FIELDS = Set.of("id", "url", "external_url", "title", "content_html", "content_text",
            "summary", "image", "banner_image", "date_published", "date_modified", "authors", "author", "tags", "language",
            "attachments");

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    String base;
    long articleId;

    @BeforeEach
    void ingestSample() {
        db.clear();
        base = root.toString().replaceAll("/$", "");
        articleId = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    JsonNode feed(String path) throws Exception {
        HttpResponse<byte[]> r = get(base + path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).isEqualTo("application/feed+json;charset=utf-8");
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void theTopicFeedHasEveryTopLevelFieldTheSpecDefinesAsItShould() throws Exception {
        JsonNode feed = feed("/feeds/topics/" + TOPIC_SLUG + ".json");

        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo(TOPIC_LABEL);
        assertThat(feed.get("home_page_url").asText()).isEqualTo(base + "/topics/" + TOPIC_SLUG);
        assertThat(feed.get("feed_url").asText()).isEqualTo(base + "/feeds/topics/" + TOPIC_SLUG + ".json");
        assertThat(feed.get("description").asText()).contains(TOPIC_LABEL);
        assertThat(feed.get("language").asText()).as("RFC 5646").isEqualTo("id");
        assertThat(feed.has("next_url")).as("only when there is a next page").isFalse();
        assertThat(feed.has("author")).as("1.1 deprecates author for authors").isFalse();
        assertThat(feed.get("authors").isArray()).isTrue();
        assertThat(feed.get("authors").get(0).get("name").asText()).isEqualTo("Warta");
        assertThat(feed.get("hubs")).hasSize(1);
        assertThat(feed.get("hubs").get(0).get("type").asText()).isEqualTo("WebSub");
        assertThat(feed.get("hubs").get(0).get("url").asText()).isEqualTo(base + "/websub");
        assertThat(feed.get("items").isArray()).isTrue();

        List<String> fields = new ArrayList<>();
        feed.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).allSatisfy(f -> assertThat(FEED_FIELDS.contains(f) || f.startsWith("_"))
                .as("%s is a spec field or an extension", f).isTrue());
        assertThat(feed.get("_warta").isObject()).as("extensions are objects").isTrue();
    }

    @Test
    void everyItemFollowsTheSpec() throws Exception {
        JsonNode items = feed("/feeds/topics/" + TOPIC_SLUG + ".json").get("items");
        assertThat(items).hasSize(4);
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            assertThat(item.get("id").isTextual()).as("id is a string").isTrue();
            assertThat(ids.add(item.get("id").asText())).as("ids are unique").isTrue();
            assertThat(item.get("url").asText()).startsWith("http");
            assertThat(item.get("title").isTextual()).isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).as("content_html or content_text").isTrue();
            rfc3339(item.get("date_published").asText());
            rfc3339(item.get("date_modified").asText());
            assertThat(item.get("tags")).allSatisfy(t -> assertThat(t.isTextual()).isTrue());
            assertThat(item.get("tags").get(0).asText()).isEqualTo(TOPIC_LABEL);
            item.fieldNames().forEachRemaining(f -> assertThat(ITEM_FIELDS.contains(f) || f.startsWith("_"))
                    .as("%s is a spec field or an extension", f).isTrue());
        }
    }

    @Test
    void theArticleItemCarriesItsContentBylineAndRelatedArticles() throws Exception {
        JsonNode article = feed("/feeds/topics/" + TOPIC_SLUG + ".json").get("items").get(0);
        assertThat(article.get("id").asText()).startsWith("urn:uuid:");
        assertThat(article.get("url").asText()).isEqualTo(base + "/entries/" + articleId);
        assertThat(article.get("title").asText()).isEqualTo(SAMPLE_TITLE);
        assertThat(article.get("summary").asText()).startsWith("Presiden Rusia Vladimir Putin kunjungi");
        assertThat(article.get("content_html").asText()).contains("<h2>Latihan militer bersama</h2>");
        assertThat(article.has("content_text")).isFalse();
        assertThat(OffsetDateTime.parse(article.get("date_published").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2022-12-19T00:00:00+07:00").toInstant());
        assertThat(article.get("authors").get(0).get("name").asText()).isEqualTo("Yunita Rahmayanti");
        assertThat(article.get("language").asText()).isEqualTo("id");

        JsonNode ext = article.get("_warta");
        assertThat(ext.get("stub").asBoolean()).isFalse();
        assertThat(ext.get("editors").get(0).asText()).isEqualTo("Whiesa Daniswara");
        assertThat(ext.get("topics").get(0).get("slug").asText()).isEqualTo(TOPIC_SLUG);
        List<String> related = new ArrayList<>();
        ext.get("related").forEach(r -> {
            related.add(r.get("title").asText());
            assertThat(r.get("url").asText()).startsWith(base + "/entries/");
        });
        assertThat(related).containsExactly(BACA_JUGA);

        JsonNode stub = feed("/feeds/topics/" + TOPIC_SLUG + ".json").get("items").get(1);
        assertThat(stub.get("_warta").get("stub").asBoolean()).isTrue();
        assertThat(stub.has("content_html")).isFalse();
        assertThat(stub.get("content_text").asText()).isEqualTo(stub.get("title").asText());
    }

    @Test
    void theAllFeedIsJsonFeedToo() throws Exception {
        JsonNode feed = feed("/feeds/all.json?limit=2");
        assertThat(feed.get("title").asText()).isEqualTo("Warta");
        assertThat(feed.get("home_page_url").asText()).isEqualTo(base + "/");
        assertThat(feed.get("feed_url").asText()).isEqualTo(base + "/feeds/all.json?limit=2");
        assertThat(feed.get("items")).hasSize(2);
        assertThat(feed.get("next_url").asText()).startsWith(base + "/feeds/all.json?limit=2&before=");
        JsonNode second = feed(feed.get("next_url").asText().substring(base.length()));
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.has("next_url")).isFalse();
        assertThat(second.get("_warta").get("previous_url").asText()).contains("after=");
    }

    static void rfc3339(String value) {
        assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value);
    }
}
