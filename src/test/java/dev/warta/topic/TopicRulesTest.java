package dev.warta.topic;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import dev.warta.FakeSite;
import dev.warta.poll.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Topic rules sort aggregated items and pushed articles alike. */
@QuarkusTest
class TopicRulesTest {

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

    private static void put(String slug, Object body, int status) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body).put("/api/topics/" + slug)
                .then().statusCode(status);
    }

    private static List<String> titlesIn(String slug) {
        Feed feed = FeedReader.atom(given().get("/feeds/topics/" + slug + ".atom").then().statusCode(200).extract().asByteArray());
        return feed.getEntries().stream().map(e -> e.getTitle()).toList();
    }

    private static String item(String title, String description, String category, int n) {
        return "<item><guid>g-" + n + "</guid><title>" + title + "</title><link>https://t.example.com/" + n + "</link>"
                + "<pubDate>Mon, 19 Dec 2022 10:00:00 GMT</pubDate><description>" + description + "</description>"
                + (category == null ? "" : "<category>" + category + "</category>") + "</item>";
    }

    @Test
    void rulesSortAggregatedEntriesCaseAndAccentInsensitively() {
        put("ukraina", Map.of("label", "Konflik Ukraina", "rules", List.of(
                "kyiv",
                Map.of("type", "phrase", "pattern", "Vladimir Putin"),
                Map.of("type", "regex", "pattern", "zelensk(y|iy|i)"))), 201);
        put("ekonomi", Map.of("label", "Ekonomi", "rules", List.of()), 201);
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://t.example.com/</link>"
                + "<description>d</description>"
                + item("Listrik Padam di KYÏV", "Pemadaman bergilir.", null, 1)
                + item("Kremlin Bicara", "Kata vladimir PUTIN hari ini.", null, 2)
                + item("Pidato Zelenskiy", "Di parlemen.", null, 3)
                + item("Harga Cabai Naik", "Pasar ramai.", "ekonomi", 4)
                + item("Putinisme", "Sebuah esai tentang Vladimir.", null, 5)
                + item("Cuaca Cerah", "Kyivan style? no: Kyivska.", null, 6)
                + "</channel></rss>";
        upstream.serve("/rss.xml", "application/rss+xml", xml.getBytes(StandardCharsets.UTF_8));
        Sources.subscribe(upstream.url("/rss.xml"));
        assertThat(titlesIn("ukraina")).containsExactlyInAnyOrder("Listrik Padam di KYÏV", "Kremlin Bicara", "Pidato Zelenskiy");
        assertThat(titlesIn("ekonomi")).as("a category equal to the label").containsExactly("Harga Cabai Naik");
    }

    @Test
    void rulesSortPushedArticlesToo() {
        put("belarus", Map.of("label", "Belarus", "rules", List.of("Belarusia", "minsk")), 201);
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample()).post("/api/articles")
                .then().statusCode(201);
        assertThat(titlesIn("belarus")).contains(Fixtures.SAMPLE_TITLE);
    }

    @Test
    void aStemRuleSortsANewItemWhoseWordOnlySharesTheStem() {
        put("serangan", Map.of("label", "Serangan", "rules", List.of("~serang")), 201);
        put("harfiah", Map.of("label", "Harfiah", "rules", List.of("serang")), 201);
        given().auth().oauth2(TOKEN).get("/api/topics/serangan").then().statusCode(200)
                .body("rules[0].type", equalTo("word")).body("rules[0].pattern", equalTo("~serang"));
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://t.example.com/</link>"
                + "<description>d</description>"
                + item("Pelabuhan Odesa Diserang", "Semalam.", null, 1)
                + item("Harga Cabai Naik", "Pasar ramai.", null, 2)
                + "</channel></rss>";
        upstream.serve("/rss.xml", "application/rss+xml", xml.getBytes(StandardCharsets.UTF_8));
        Sources.subscribe(upstream.url("/rss.xml"));
        assertThat(titlesIn("serangan")).containsExactly("Pelabuhan Odesa Diserang");
        assertThat(titlesIn("harfiah")).as("a plain word matches only itself").isEmpty();
    }

    @Test
    void putReplacesTheLabelAndRulesAndListingShowsThem() {
        put("perang", Map.of("label", "Perang", "rules", List.of("perang")), 201);
        put("perang", Map.of("label", "Perang Dunia", "rules", List.of("/perang\\s+dunia/", "invasi besar")), 200);
        given().auth().oauth2(TOKEN).get("/api/topics/perang").then().statusCode(200)
                .body("label", equalTo("Perang Dunia"))
                .body("rules[0].type", equalTo("regex"))
                .body("rules[0].pattern", equalTo("perang\\s+dunia"))
                .body("rules[1].type", equalTo("phrase"));
        given().auth().oauth2(TOKEN).get("/api/topics").then().statusCode(200)
                .body("find { it.slug == 'perang' }.rules.size()", equalTo(2));
    }

    @Test
    void refusesInvalidTopicsWithTheFieldAtFault() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("label", "X", "rules", List.of("ok", "/(unclosed/")))
                .put("/api/topics/x").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("rules[1]"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("label", "X", "rules", List.of(Map.of("type", "glob", "pattern", "a*"))))
                .put("/api/topics/x").then().statusCode(400).body("field", equalTo("rules[0].type"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("rules", List.of()))
                .put("/api/topics/x").then().statusCode(400).body("field", equalTo("label"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("label", "X"))
                .put("/api/topics/Not_A_Slug").then().statusCode(400).body("field", equalTo("slug"));
        assertThat(db.count("topic")).isZero();
    }
}
