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

import com.rometools.rome.feed.atom.Entry;

import dev.warta.FakeSite;
import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import dev.warta.poll.FeedFixtures;
import dev.warta.poll.Sources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Desk articles and upstream items take their ids from one sequence. Before the write path was one, the desk
 * (Hibernate's pooled-lo optimizer: a sequence value v stands for ids v…v+49) and upstream ingest (v−49…v) read
 * the same value differently, so a poll after a desk post reused the desk's ids: items went missing or the
 * source failed with "entry for … vanished during ingest". One thread is enough to show it.
 */
@QuarkusTest
class EntryIdsTest {

    static final int ITEMS = 60;

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

    @Test
    void aPollAfterADeskPostStoresEveryItemAndTheNextDeskPostSucceeds() {
        for (int round = 0; round < 2; round++) {
            given().auth().oauth2(TOKEN).contentType("application/json").body(Map.of(
                    "title", "Artikel Meja Redaksi " + round, "published", "2022-12-21T10:00:00+07:00",
                    "topics", List.of("Meja"),
                    "related", List.of(Map.of("title", "Terkait Satu " + round), Map.of("title", "Terkait Dua " + round),
                            Map.of("title", "Terkait Tiga " + round))))
                    .post("/api/articles").then().statusCode(201);

            String site = "https://s" + round + ".example.com/";
            upstream.serve("/s" + round + ".xml", "application/rss+xml", FeedFixtures.rss("Sumber " + round, site, ITEMS, 0));
            long source = Sources.subscribe(upstream.url("/s" + round + ".xml"), "Sumber " + round);
            JsonPath state = Sources.get(source);
            assertThat(state.getString("lastOutcome")).as("round %d: %s", round, state.getString("lastError")).isEqualTo("fetched");
            assertThat(state.getInt("entries")).isEqualTo(ITEMS);

            JsonPath again = Sources.refresh(source);
            assertThat(again.getString("outcome")).isEqualTo("fetched");
            assertThat(again.getString("error")).isNull();
            assertThat(again.getInt("newEntries")).isZero();
            assertThat(again.getInt("unchanged")).isEqualTo(ITEMS);

            List<Entry> feed = FeedReader.atom(given().get("/feeds/topics/sumber-" + round + ".atom?limit=100").then()
                    .statusCode(200).extract().asByteArray()).getEntries();
            assertThat(feed).hasSize(ITEMS);
            assertThat(feed).extracting(Entry::getTitle).contains("Berita nomor 0 dari Sumber " + round,
                    "Berita nomor " + (ITEMS - 1) + " dari Sumber " + round);
        }
        assertThat(db.count("entry")).as("two desk articles with three stubs each, and every item").isEqualTo(2 * 4 + 2 * ITEMS);
    }
}
