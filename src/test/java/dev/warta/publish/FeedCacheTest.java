package dev.warta.publish;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.EntryReads;
import dev.warta.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The rendered-feed cache: invalidated by exactly the feeds ingest changed, read without touching entries. */
@QuarkusTest
class FeedCacheTest {

    static final String OTHER = "Ekonomi Dunia";
    static final String OTHER_SLUG = "ekonomi-dunia";

    @Inject
    TestDatabase db;
    @Inject
    SessionFactory sessions;
    @Inject
    PublishedFeeds feeds;
    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void twoTopics() {
        db.clear();
        post(Fixtures.sample());
        post(article("Harga Minyak Dunia Turun", OTHER));
    }

    static void post(String text) {
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(text).post("/api/articles")
                .then().statusCode(201);
    }

    static String article(String title, String topic) {
        return title + "\nRingkasan " + title + ".\nPenulis: Tim Warta\nTRIBUNNEWS.COM - Isi berita " + title
                + ".\nArtikel lain terkait " + topic + "\n";
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    String etag(String path) {
        HttpResponse<byte[]> r = get(url(path));
        assertThat(r.statusCode()).isEqualTo(200);
        return header(r, "ETag");
    }

    @Test
    void ingestChangesTheEtagsOfExactlyTheAffectedFeeds() {
        String[] topicFeeds = { "/feeds/topics/" + TOPIC_SLUG + ".atom", "/feeds/topics/" + TOPIC_SLUG + ".rss",
                "/feeds/topics/" + TOPIC_SLUG + ".json" };
        String[] otherFeeds = { "/feeds/topics/" + OTHER_SLUG + ".atom", "/feeds/topics/" + OTHER_SLUG + ".rss",
                "/feeds/topics/" + OTHER_SLUG + ".json" };
        String[] before = new String[3];
        String[] otherBefore = new String[3];
        for (int i = 0; i < 3; i++) {
            before[i] = etag(topicFeeds[i]);
            otherBefore[i] = etag(otherFeeds[i]);
        }
        String allBefore = etag("/feeds/all.atom");

        given().auth().oauth2(TOKEN).contentType("text/plain").body(article("Serangan Drone di Kyiv", Fixtures.TOPIC_LABEL))
                .post("/api/articles").then().statusCode(201);

        for (int i = 0; i < 3; i++) {
            assertThat(etag(topicFeeds[i])).as(topicFeeds[i] + " changed").isNotEqualTo(before[i]);
            assertThat(etag(otherFeeds[i])).as(otherFeeds[i] + " untouched").isEqualTo(otherBefore[i]);
            assertThat(get(url(otherFeeds[i]), "If-None-Match", otherBefore[i]).statusCode()).isEqualTo(304);
            assertThat(get(url(topicFeeds[i]), "If-None-Match", before[i]).statusCode()).isEqualTo(200);
        }
        assertThat(etag("/feeds/all.atom")).isNotEqualTo(allBefore);
        assertThat(FeedReader.atom(get(url(topicFeeds[0])).body()).getEntries().get(0).getTitle())
                .isEqualTo("Serangan Drone di Kyiv");
    }

    @Test
    void renamingATopicChangesEveryFeedThatShowsItsLabelAndNoOther() {
        // The sample is also put in a second topic, so its entries carry both labels in that topic's feed.
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample()).queryParam("topic", "Belarus")
                .post("/api/articles").then().statusCode(200);
        String renamed = "/feeds/topics/" + TOPIC_SLUG + ".atom";
        String sharing = "/feeds/topics/belarus.atom";
        String other = "/feeds/topics/" + OTHER_SLUG + ".atom";
        String renamedBefore = etag(renamed);
        String sharingBefore = etag(sharing);
        String otherBefore = etag(other);
        String allBefore = etag("/feeds/all.atom");

        given().auth().oauth2(TOKEN).contentType("application/json")
                .body("{\"label\": \"Perang Rusia-Ukraina\", \"rules\": []}")
                .put("/api/topics/" + TOPIC_SLUG).then().statusCode(200);

        assertThat(etag(renamed)).isNotEqualTo(renamedBefore);
        assertThat(etag(sharing)).as("its entries' category labels changed there too").isNotEqualTo(sharingBefore);
        assertThat(etag("/feeds/all.atom")).isNotEqualTo(allBefore);
        assertThat(etag(other)).isEqualTo(otherBefore);
        assertThat(FeedReader.atom(get(url(sharing)).body()).getEntries().get(0).getCategories())
                .extracting(c -> c.getLabel()).contains("Perang Rusia-Ukraina");
    }

    @Test
    void anUnchangedFeedIsServedWithoutRenderingOrReadingEntries() {
        String path = url("/feeds/topics/" + TOPIC_SLUG + ".atom");
        String etag = header(get(path), "ETag");
        get(path, "Accept-Encoding", "gzip");
        Statistics stats = sessions.getStatistics();
        long entryReads = entryReads(stats);
        double renders = feeds.renderCount();

        for (int i = 0; i < 5; i++) {
            assertThat(get(path).statusCode()).isEqualTo(200);
            assertThat(get(path, "Accept-Encoding", "gzip").statusCode()).isEqualTo(200);
            assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        }

        assertThat(feeds.renderCount()).as("documents rendered").isEqualTo(renders);
        assertThat(entryReads(stats)).as("entry rows, collections and queries read").isEqualTo(entryReads);

        // The counters do move when the feed has changed: the assertions above could fail.
        post(article("Gencatan Senjata Dibahas", Fixtures.TOPIC_LABEL));
        assertThat(get(path).statusCode()).isEqualTo(200);
        assertThat(feeds.renderCount()).isEqualTo(renders + 1);
        assertThat(entryReads(stats)).isGreaterThan(entryReads);
    }

    static long entryReads(Statistics stats) {
        return EntryReads.count(stats);
    }

    @Test
    void aChangeCommittedByAnotherProcessIsServedHereWithoutAnyEventInThisOne() throws Exception {
        String path = url("/feeds/topics/" + TOPIC_SLUG + ".atom");
        String etag = header(get(path), "ETag");
        assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);

        // What another Warta process's ingest commits: an entry changes and the feed's version moves, in one
        // transaction, on a connection of its own. Nothing in this process is told, except by PostgreSQL.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("update entry set title = 'Judul dari proses lain', updated_at = now() "
                    + "where title = ?")) {
                s.setString(1, Fixtures.SAMPLE_TITLE);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement s = c.prepareStatement("update feed_version set version = version + 1, changed_at = now() "
                    + "where feed_key in ('all', (select 'topic:' || id from topic where slug = ?))")) {
                s.setString(1, TOPIC_SLUG);
                assertThat(s.executeUpdate()).isEqualTo(2);
            }
            c.commit();
        }

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            HttpResponse<byte[]> r = get(path, "If-None-Match", etag);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(FeedReader.atom(r.body()).getEntries().get(0).getTitle()).isEqualTo("Judul dari proses lain");
        });
        assertThat(etag("/feeds/topics/" + OTHER_SLUG + ".atom")).isNotNull();
    }
}
