package dev.warta.ingest;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * Desk posts and upstream batches on several threads at once, through the one write path: desk articles whose
 * "Baca juga" lines share stubs with each other and addresses with upstream items, and refreshes of sources whose
 * items share addresses with each other. Every item is stored once, nothing fails, and the feeds agree.
 */
@QuarkusTest
class InterleavedIngestTest {

    static final int SOURCES = 4;
    static final int OWN = 30;
    /** Articles every source carries under its own upstream id, at one address. */
    static final int SHARED = 20;
    /** Articles every source carries at an address that desk articles' related lines name too. */
    static final int DESK_LINKED = 10;
    static final int ARTICLES = 12;
    /** Related lines without address, shared by title among the articles. */
    static final int BACKGROUNDS = 4;
    static final int PER_SOURCE = OWN + SHARED + DESK_LINKED;

    @Inject
    TestDatabase db;

    FakeSite upstream;
    ExecutorService threads = Executors.newFixedThreadPool(8);

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        upstream.close();
    }

    static String shared(int k) {
        return "https://bersama.example.com/berita/" + k;
    }

    static String deskLinked(int k) {
        return "https://meja.example.com/terkait/" + k;
    }

    private static String item(String guid, String title, String link) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>" + link + "</link>"
                + "<pubDate>Mon, 19 Dec 2022 12:00:00 GMT</pubDate><description>" + title + "</description></item>\n";
    }

    private static byte[] feed(int s) {
        StringBuilder extra = new StringBuilder();
        for (int k = 0; k < SHARED; k++) {
            extra.append(item("s" + s + "-bersama-" + k, "Berita Bersama " + k, shared(k) + "?utm_source=s" + s));
        }
        for (int k = 0; k < DESK_LINKED; k++) {
            extra.append(item("s" + s + "-meja-" + k, "Liputan Terkait " + k + " (Sumber " + s + ")", deskLinked(k)));
        }
        return FeedFixtures.rss("Sumber " + s, "https://s" + s + ".example.com/", OWN, 0, Instant.parse("2022-12-19T10:00:00Z"),
                extra.toString());
    }

    private static Map<String, Object> article(int a) {
        return Map.of("title", "Artikel Meja " + a, "published", "2022-12-20T08:00:00+07:00", "topics", List.of("Meja"),
                "related", List.of(
                        Map.of("title", "Terkait " + (a % DESK_LINKED), "url", deskLinked(a % DESK_LINKED)),
                        Map.of("title", "Latar Belakang " + (a % BACKGROUNDS)),
                        Map.of("title", "Berita Bersama " + a, "url", shared(a))));
    }

    @Test
    void deskPostsAndUpstreamBatchesInterleavedStoreEveryItemOnce() throws Exception {
        List<Long> sources = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            upstream.serve("/s" + s + ".xml", "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                    + "<title>Sumber " + s + "</title><link>https://s" + s + ".example.com/</link><description>d</description>"
                    + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
            sources.add(Sources.subscribe(upstream.url("/s" + s + ".xml"), "Sumber " + s));
        }
        for (int s = 0; s < SOURCES; s++) {
            upstream.serve("/s" + s + ".xml", "application/rss+xml", feed(s));
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        List<Future<Integer>> posts = new ArrayList<>();
        for (int a = 0; a < ARTICLES; a++) {
            Map<String, Object> body = article(a);
            posts.add(threads.submit(() -> {
                go.await();
                return given().auth().oauth2(TOKEN).contentType("application/json").body(body).post("/api/articles")
                        .then().statusCode(201).extract().<Integer>path("id");
            }));
            if (a % 3 == 0) {
                long source = sources.get(a / 3);
                work.add(threads.submit(() -> {
                    go.await();
                    JsonPath report = Sources.refresh(source);
                    assertThat(report.getString("error")).isNull();
                    assertThat(report.getString("outcome")).isEqualTo("fetched");
                    assertThat(report.getInt("newEntries")).isEqualTo(PER_SOURCE);
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        List<Integer> articleIds = new ArrayList<>();
        for (Future<Integer> f : posts) {
            articleIds.add(f.get(120, TimeUnit.SECONDS));
        }

        assertThat(db.count("entry")).as("articles, own items, shared and desk-linked articles once each, background stubs")
                .isEqualTo(ARTICLES + SOURCES * OWN + SHARED + DESK_LINKED + BACKGROUNDS);
        assertThat(db.count("source_item")).isEqualTo(SOURCES * PER_SOURCE);
        assertThat(db.text("select count(*) from source_item where entry_id is null")).isEqualTo("0");
        assertThat(db.text("select count(*) from entry where kind = 'item' and (url like 'https://bersama.%' "
                + "or url like 'https://meja.%')")).as("every stub at an item's address was filled").isEqualTo(
                        String.valueOf(SHARED + DESK_LINKED));
        for (long source : sources) {
            JsonPath state = Sources.get(source);
            assertThat(state.getString("lastError")).isNull();
            JsonPath again = Sources.refresh(source);
            assertThat(again.getInt("newEntries")).isZero();
            assertThat(again.getInt("unchanged")).isEqualTo(PER_SOURCE);
        }
        for (int s = 0; s < SOURCES; s++) {
            List<Entry> feed = atom("/feeds/topics/sumber-" + s + ".atom?limit=100");
            assertThat(feed).hasSize(PER_SOURCE);
            assertThat(feed).extracting(Entry::getId).doesNotHaveDuplicates();
        }
        List<Entry> all = atom("/feeds/all.atom?limit=200");
        assertThat(all).hasSize((int) db.count("entry"));
        assertThat(all).extracting(Entry::getId).doesNotHaveDuplicates();
        assertRelatedLines(articleIds);
    }

    private void assertRelatedLines(List<Integer> articleIds) {
        for (int a = 0; a < ARTICLES; a++) {
            JsonPath entry = given().auth().oauth2(TOKEN).get("/api/entries/" + articleIds.get(a)).then().statusCode(200)
                    .extract().jsonPath();
            List<Integer> targets = entry.getList("related.entryId");
            assertThat(targets).hasSize(3).doesNotContainNull();
            assertThat(linked(targets.get(0)).getString("url")).isEqualTo(deskLinked(a % DESK_LINKED));
            assertThat(linked(targets.get(0)).getString("kind")).isEqualTo("item");
            assertThat(linked(targets.get(1)).getString("title")).isEqualTo("Latar Belakang " + (a % BACKGROUNDS));
            assertThat(linked(targets.get(2)).getString("url")).isEqualTo(shared(a));
        }
    }

    private static JsonPath linked(int id) {
        return given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<Entry> atom(String path) {
        return FeedReader.atom(given().get(path).then().statusCode(200).extract().asByteArray()).getEntries();
    }
}
