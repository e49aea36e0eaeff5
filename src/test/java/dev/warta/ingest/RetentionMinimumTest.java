package dev.warta.ingest;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import dev.warta.poll.FeedFixtures;
import dev.warta.poll.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * However old its entries, a source keeps its newest min(warta.poll.retention-min-entries, its maximum) of them (50
 * by default), as FreshRSS keeps a minimum per feed; items left out for their age are reported as {@code tooOld}.
 * The fixture's items are dated December 2022, so a maximum age of 30 days makes every one of them old.
 */
@QuarkusTest
class RetentionMinimumTest {

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

    private static void retention(long source, Map<String, Object> retention) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("retention", retention))
                .patch("/api/sources/" + source).then().statusCode(200);
    }

    private static List<String> titles() {
        return given().auth().oauth2(TOKEN).get("/api/entries?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("title");
    }

    @Test
    void aFirstFetchOfAFeedOlderThanTheMaximumAgeStoresTheNewestMinimumAndReportsTheRestTooOld() {
        // The source exists before its feed does, so that its maximum age is set when the first items arrive.
        long source = Sources.subscribe(upstream.url("/lama.xml"));
        retention(source, Map.of("maxAgeDays", 30));
        upstream.serve("/lama.xml", "application/rss+xml", FeedFixtures.rss("Lama", "https://lama.example.com/", 60, 0));

        JsonPath first = Sources.refresh(source);
        assertThat(first.getString("outcome")).isEqualTo("fetched");
        assertThat(first.getInt("newEntries")).isEqualTo(50);
        assertThat(first.getInt("tooOld")).isEqualTo(10);
        assertThat(first.getInt("unchanged")).isZero();
        assertThat(Sources.get(source).getInt("entries")).isEqualTo(50);
        assertThat(titles()).contains("Berita nomor 59 dari Lama", "Berita nomor 10 dari Lama")
                .doesNotContain("Berita nomor 9 dari Lama", "Berita nomor 0 dari Lama");

        JsonPath again = Sources.refresh(source);
        assertThat(again.getInt("newEntries")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(50);
        assertThat(again.getInt("tooOld")).isEqualTo(10);
        assertThat(Sources.get(source).getInt("entries")).as("age alone removes none of the newest 50").isEqualTo(50);
    }

    @Test
    void theMinimumIsNeverMoreThanTheSourceKeepsAtAll() {
        upstream.serve("/lama.xml", "application/rss+xml", FeedFixtures.rss("Lama", "https://lama.example.com/", 60, 0));
        long source = Sources.subscribe(upstream.url("/lama.xml"));
        assertThat(Sources.get(source).getInt("entries")).isEqualTo(60);

        retention(source, Map.of("maxAgeDays", 30, "maxEntries", 20));
        JsonPath report = Sources.refresh(source);
        assertThat(report.getInt("tooOld")).isEqualTo(40);
        assertThat(report.getInt("unchanged")).isEqualTo(20);
        assertThat(Sources.get(source).getInt("entries")).isEqualTo(20);
        assertThat(titles()).hasSize(20).contains("Berita nomor 59 dari Lama", "Berita nomor 40 dari Lama")
                .doesNotContain("Berita nomor 39 dari Lama");
        assertThat(Sources.refresh(source).getInt("newEntries")).as("removed items stay removed").isZero();
        assertThat(Sources.get(source).getInt("entries")).isEqualTo(20);
    }
}
