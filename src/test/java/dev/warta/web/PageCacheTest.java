package dev.warta.web;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static dev.warta.Http.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warta.Fixtures;
import dev.warta.Http;
import dev.warta.EntryReads;
import dev.warta.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The HTML pages served from the render cache as feeds are: validators, 304, HEAD, gzip, invalidation of exactly the
 * pages whose content moved (in this process or through another connection), and no entry read for an unchanged page.
 */
@QuarkusTest
class PageCacheTest {

    static final String OTHER = "Ekonomi Dunia";
    static final String OTHER_SLUG = "ekonomi-dunia";

    @Inject
    TestDatabase db;
    @Inject
    SessionFactory sessions;
    @Inject
    PageRenderer renderer;
    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    long sampleId;
    long otherId;
    /** The first "Baca juga" line's entry (a stub): its page names the sample under "Disebut dalam". */
    long stubId;

    @BeforeEach
    void twoTopics() {
        db.clear();
        sampleId = post(Fixtures.sample());
        otherId = post(article("Harga Minyak Dunia Turun", OTHER));
        stubId = given().auth().oauth2(TOKEN).get("/api/entries/" + sampleId).then().statusCode(200).extract().jsonPath()
                .getLong("related[0].entryId");
    }

    static long post(String text) {
        return given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(text).post("/api/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
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
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return header(r, "ETag");
    }

    String[] pages() {
        return new String[] { "/", "/topics/" + TOPIC_SLUG, "/entries/" + sampleId };
    }

    @Test
    void everyPageHasStrongValidatorsAndAnswers304() {
        for (String path : pages()) {
            HttpResponse<byte[]> first = get(url(path));
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(header(first, "Content-Type")).startsWith("text/html");
            String etag = header(first, "ETag");
            assertThat(etag).as(path + " strong ETag").startsWith("\"").doesNotStartWith("W/");
            assertThat(header(first, "Cache-Control")).isEqualTo("public, max-age=60");
            assertThat(header(first, "Vary")).containsIgnoringCase("Accept-Encoding");
            assertThat(header(first, "X-Frame-Options")).isEqualTo("SAMEORIGIN");
            String lastModified = header(first, "Last-Modified");
            assertThat(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();

            HttpResponse<byte[]> again = get(url(path));
            assertThat(header(again, "ETag")).as(path + " unchanged").isEqualTo(etag);
            assertThat(again.body()).isEqualTo(first.body());

            HttpResponse<byte[]> notModified = get(url(path), "If-None-Match", etag);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(header(notModified, "ETag")).isEqualTo(etag);
            assertThat(get(url(path), "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(get(url(path), "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/topics/" + TOPIC_SLUG })
    void headAndGzipCarryTheSameHeadersAsGet(String path) {
        HttpResponse<byte[]> plain = get(url(path));
        HttpResponse<byte[]> head = send("HEAD", url(path));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : new String[] { "Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary" }) {
            assertThat(header(head, name)).as(name).isEqualTo(header(plain, name));
        }
        assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(plain.body().length));
        assertThat(send("HEAD", url(path), "If-None-Match", header(plain, "ETag")).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> gz = get(url(path), "Accept-Encoding", "gzip");
        assertThat(header(gz, "Content-Encoding")).isEqualTo("gzip");
        assertThat(Http.gunzip(gz.body())).isEqualTo(plain.body());
        assertThat(header(gz, "ETag")).as("gzip bytes have their own validator").isNotEqualTo(header(plain, "ETag"));
        assertThat(get(url(path), "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag")).statusCode()).isEqualTo(304);
        assertThat(get(url(path), "If-None-Match", header(gz, "ETag")).statusCode()).isEqualTo(200);
    }

    @Test
    void ingestIntoOneTopicChangesItsPagesAndLeavesTheOtherTopicsAndUnrelatedEntriesAlone() {
        String topic = etag("/topics/" + TOPIC_SLUG);
        String otherTopic = etag("/topics/" + OTHER_SLUG);
        String home = etag("/");
        String sample = etag("/entries/" + sampleId);
        String other = etag("/entries/" + otherId);
        String stub = etag("/entries/" + stubId);

        post(article("Serangan Drone di Kyiv", TOPIC_LABEL));

        assertThat(etag("/topics/" + TOPIC_SLUG)).as("the topic's page lists the new entry").isNotEqualTo(topic);
        assertThat(etag("/")).as("the home page lists it too").isNotEqualTo(home);
        assertThat(etag("/topics/" + OTHER_SLUG)).as("another topic's page").isEqualTo(otherTopic);
        assertThat(get(url("/topics/" + OTHER_SLUG), "If-None-Match", otherTopic).statusCode()).isEqualTo(304);
        assertThat(etag("/entries/" + sampleId)).as("an unrelated entry's page").isEqualTo(sample);
        assertThat(etag("/entries/" + otherId)).isEqualTo(other);
        assertThat(etag("/entries/" + stubId)).isEqualTo(stub);
        assertThat(new String(get(url("/topics/" + TOPIC_SLUG)).body(), StandardCharsets.UTF_8)).contains("Serangan Drone di Kyiv");
    }

    @Test
    void anEntryPageChangesWhenAnArticleNamingItIsRetitledNotWhenAnUnrelatedOneIsPosted() throws Exception {
        String stub = etag("/entries/" + stubId);
        String sample = etag("/entries/" + sampleId);
        String other = etag("/entries/" + otherId);

        post(article("Serangan Drone di Kyiv", TOPIC_LABEL));
        assertThat(etag("/entries/" + stubId)).as("an unrelated article posted").isEqualTo(stub);
        assertThat(etag("/entries/" + sampleId)).isEqualTo(sample);

        // The article whose "Baca juga" names the stub is retitled (by whichever writer): the stub's page names it so.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update entry set title = 'Putin Tiba di Minsk' where id = ?")) {
            s.setLong(1, sampleId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            HttpResponse<byte[]> r = get(url("/entries/" + stubId), "If-None-Match", stub);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Putin Tiba di Minsk");
        });
        String stubNow = etag("/entries/" + stubId);
        assertThat(etag("/entries/" + sampleId)).isNotEqualTo(sample);
        assertThat(etag("/entries/" + otherId)).isEqualTo(other);

        // A renamed topic's label is on the pages of its entries, not on those of other topics' entries.
        String sampleNow = etag("/entries/" + sampleId);
        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"label\": \"Perang Rusia-Ukraina\", \"rules\": []}")
                .put("/api/topics/" + TOPIC_SLUG).then().statusCode(200);
        assertThat(etag("/entries/" + sampleId)).isNotEqualTo(sampleNow);
        assertThat(new String(get(url("/entries/" + sampleId)).body(), StandardCharsets.UTF_8)).contains("Perang Rusia-Ukraina");
        assertThat(etag("/entries/" + otherId)).isEqualTo(other);
        // The stubs of its "Baca juga" lines are in the topic too: their pages show the new label.
        assertThat(etag("/entries/" + stubId)).isNotEqualTo(stubNow);
    }

    @Test
    void anUnchangedPageIsServedWithoutRenderingOrReadingEntries() {
        for (String path : pages()) {
            get(url(path));
            get(url(path), "Accept-Encoding", "gzip");
        }
        Statistics stats = sessions.getStatistics();
        long entryReads = entryReads(stats);
        double renders = renderer.renderCount();

        for (int i = 0; i < 5; i++) {
            for (String path : pages()) {
                HttpResponse<byte[]> r = get(url(path));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(get(url(path), "Accept-Encoding", "gzip").statusCode()).isEqualTo(200);
                assertThat(get(url(path), "If-None-Match", header(r, "ETag")).statusCode()).isEqualTo(304);
            }
        }

        assertThat(renderer.renderCount()).as("pages rendered").isEqualTo(renders);
        assertThat(entryReads(stats)).as("entry rows, collections and queries read").isEqualTo(entryReads);

        // The counters do move when a page has changed: the assertions above could fail.
        post(article("Gencatan Senjata Dibahas", TOPIC_LABEL));
        assertThat(get(url("/topics/" + TOPIC_SLUG)).statusCode()).isEqualTo(200);
        assertThat(renderer.renderCount()).isEqualTo(renders + 1);
        assertThat(entryReads(stats)).isGreaterThan(entryReads);
    }

    static long entryReads(Statistics stats) {
        return EntryReads.count(stats);
    }

    @Test
    void aChangeCommittedOnAnotherConnectionReachesThePagesWithinASecond() throws Exception {
        String entry = "/entries/" + sampleId;
        String stub = "/entries/" + stubId;
        String entryEtag = etag(entry);
        String stubEtag = etag(stub);
        String topicEtag = etag("/topics/" + TOPIC_SLUG);
        String otherTopicEtag = etag("/topics/" + OTHER_SLUG);
        assertThat(get(url(entry), "If-None-Match", entryEtag).statusCode()).isEqualTo(304);

        // What another Warta process's ingest commits: the entry is retitled and its feeds' versions move, on a
        // connection of its own. Nothing in this process is told, except by PostgreSQL.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("update entry set title = 'Judul dari proses lain', updated_at = now() "
                    + "where id = ?")) {
                s.setLong(1, sampleId);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement s = c.prepareStatement("update feed_version set version = version + 1, changed_at = now() "
                    + "where feed_key in ('all', (select 'topic:' || id from topic where slug = ?))")) {
                s.setString(1, TOPIC_SLUG);
                assertThat(s.executeUpdate()).isEqualTo(2);
            }
            c.commit();
        }

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            for (String path : new String[] { entry, stub, "/topics/" + TOPIC_SLUG }) {
                HttpResponse<byte[]> r = get(url(path), "If-None-Match", path.equals(entry) ? entryEtag
                        : path.equals(stub) ? stubEtag : topicEtag);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).contains("Judul dari proses lain");
            }
        });
        assertThat(etag("/topics/" + OTHER_SLUG)).isEqualTo(otherTopicEtag);
        assertThat(etag("/entries/" + otherId)).isNotNull();
    }
}
