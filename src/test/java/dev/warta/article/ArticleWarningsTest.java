package dev.warta.article;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An article that lacks a body, a date, a byline or a topic is published with warnings, never refused for it. */
@QuarkusTest
class ArticleWarningsTest {

    private static final List<String> ALL = List.of("no-body", "no-date", "no-byline", "no-topic");

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static Response post(String text, boolean dryRun) {
        var request = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(text);
        if (dryRun) {
            request.queryParam("dryRun", "true");
        }
        return request.post("/api/articles");
    }

    @Test
    void aOneLineTextIsPublishedWithAWarningForEachThingItLacks() {
        Response dry = post("halo", true);
        dry.then().statusCode(200).body("warnings.code", equalTo(ALL));
        assertThat(dry.headers().getValues("Warta-Ingest-Note")).hasSize(4)
                .anySatisfy(h -> assertThat(h).startsWith("no-date: ").contains("dated with the time it is published"))
                .anySatisfy(h -> assertThat(h).startsWith("no-topic: "));
        assertThat(db.count("entry")).isZero();

        Response published = post("halo", false);
        published.then().statusCode(201).body("title", equalTo("halo")).body("warnings.code", equalTo(ALL))
                .body("warnings[1].detail", equalTo(ArticleWarning.NO_DATE.detail()));
        assertThat(published.headers().getValues("Warta-Ingest-Note")).hasSize(4);
        assertThat(db.count("entry")).isEqualTo(1);
    }

    @Test
    void aCompleteArticleHasNoWarnings() {
        Response published = post(Fixtures.sample(), false);
        published.then().statusCode(201).body("warnings", empty());
        assertThat(published.headers().getValues("Warta-Ingest-Note")).isEmpty();
        post(Fixtures.sample(), true).then().statusCode(200).body("warnings", empty());
    }

    @Test
    void eachWarningStandsForWhatIsMissing() {
        String dated = "Judul Berita\nRingkasan berita.\nPenulis: Rina\nTRIBUNNEWS.COM - Isi berita, Senin (19/12/2022).\n";
        post(dated, true).then().statusCode(200).body("warnings.code", equalTo(List.of("no-topic")));
        post(dated.replace("Penulis: Rina\n", ""), true).then().statusCode(200)
                .body("warnings.code", equalTo(List.of("no-byline", "no-topic")));
        post(dated.replace(", Senin (19/12/2022)", ""), true).then().statusCode(200)
                .body("warnings.code", equalTo(List.of("no-date", "no-topic")));
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(dated).queryParam("topic", "Ekonomi")
                .queryParam("dryRun", "true").post("/api/articles").then().statusCode(200).body("warnings", empty());
        given().auth().oauth2(TOKEN).contentType("application/json")
                .body("{\"title\": \"Hanya Judul\", \"author\": \"Rina\", \"published\": \"2022-12-19\", \"topics\": [\"Ekonomi\"]}")
                .post("/api/articles").then().statusCode(201).body("warnings.code", equalTo(List.of("no-body")));
    }
}
