package dev.warta.topic;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A topic edit records its change as ingest does: feed versions in its transaction, and the change event once it
 * has committed, before the answer leaves. Without the event this process learns of a rename only through
 * LISTEN/NOTIFY, and a read right after the answer may meet the feed rendered before.
 */
@QuarkusTest
class TopicChangesTest {

    @Inject
    TestDatabase db;
    @Inject
    ObservedChanges observed;

    @BeforeEach
    void sampleInTwoTopics() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .queryParam("topic", "Belarus").post("/api/articles").then().statusCode(201);
        observed.clear();
    }

    private long id(String slug) {
        return Long.parseLong(db.text("select id from topic where slug = '" + slug + "'"));
    }

    @Test
    void renamingATopicTellsThisProcessOfEveryFeedThatShowsItsLabelBeforeAnswering() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"label\": \"Perang Rusia-Ukraina\"}")
                .put("/api/topics/" + TOPIC_SLUG).then().statusCode(200);

        assertThat(observed.events()).containsExactly(java.util.Set.of(id(TOPIC_SLUG), id("belarus")));
    }

    @Test
    void replacingOnlyTheRulesChangesNoFeed() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"label\": \"" + Fixtures.TOPIC_LABEL + "\", \"rules\": [\"Kyiv\"]}")
                .put("/api/topics/" + TOPIC_SLUG).then().statusCode(200);

        assertThat(observed.events()).isEmpty();
    }
}
