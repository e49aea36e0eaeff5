package dev.warta.publish;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds and pages are counted by how they were answered ({@code warta_documents_sent_total}), not timed per request
 * by Micrometer's HTTP binder, which the API keeps.
 */
@QuarkusTest
class DocumentCountsTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void clear() {
        db.clear();
    }

    @Test
    void wholeAnswersAndPollsAnsweredNotModifiedAreCounted() {
        double full = sent("full");
        double notModified = sent("not-modified");
        String etag = given().get("/feeds/all.atom").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/feeds/all.atom").then().statusCode(304);
        given().header("If-None-Match", etag).get("/feeds/all.atom").then().statusCode(304);
        given().get("/").then().statusCode(200);

        assertThat(sent("full") - full).isEqualTo(2);
        assertThat(sent("not-modified") - notModified).isEqualTo(2);
        String metrics = metrics();
        assertThat(metrics).as("feeds and pages are not timed per request")
                .doesNotContain("uri=\"/feeds").doesNotContain("uri=\"/\"");
        given().auth().oauth2(dev.warta.Fixtures.TOKEN).get("/api/topics").then().statusCode(200);
        assertThat(metrics()).as("the API still is").contains("http_server_requests_seconds_count{");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sent(String answer) {
        Matcher m = Pattern.compile("(?m)^warta_documents_sent_total\\{answer=\"" + Pattern.quote(answer) + "\"[^}]*} (\\S+)$")
                .matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
