package dev.warta.source;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import dev.warta.ingest.IngestService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * {@code GET /api/sources} in keyset pages (by id, {@code ?after=} and {@code ?limit=}, the next page in a
 * {@code Link} header), each source with its entry count, which is kept with the entries rather than counted
 * per request.
 */
@QuarkusTest
class SourceListTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Inject
    TestDatabase db;

    @Inject
    IngestService ingest;

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

    private static Response list(String url) {
        return given().auth().oauth2(TOKEN).get(url).then().statusCode(200).contentType(ContentType.JSON).extract().response();
    }

    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private List<Long> ids(Response page) {
        return page.jsonPath().getList("id", Long.class);
    }

    @Test
    void pagesFollowOneAnotherByTheirLinksUntilEverySourceWasListedOnce() {
        // Paused: listed, never polled.
        db.execute("insert into source (url, state) select 'http://kanal-' || g || '.invalid/rss.xml', 'paused' "
                + "from generate_series(1, 25) g");
        List<Long> all = given().auth().oauth2(TOKEN).get("/api/sources").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.nullValue()).extract().jsonPath().getList("id", Long.class);
        assertThat(all).hasSize(25).isSorted();

        List<Long> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = "/api/sources?limit=10";
        while (url != null) {
            Response page = list(url);
            walked.addAll(ids(page));
            sizes.add(ids(page).size());
            url = next(page);
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(walked).isEqualTo(all);

        Response first = list("/api/sources?limit=10");
        assertThat(next(first)).endsWith("/api/sources?after=" + all.get(9) + "&limit=10");
        assertThat(ids(list("/api/sources?after=" + all.get(23)))).containsExactly(all.get(24));
        assertThat(ids(list("/api/sources?after=" + all.get(24)))).isEmpty();
        assertThat(next(list("/api/sources?after=" + all.get(19) + "&limit=5"))).as("a full last page").isNull();
    }

    @Test
    void badPagingParametersAreNamed() {
        for (String bad : List.of("limit=0", "limit=1001", "limit=sepuluh", "after=-1", "after=x")) {
            given().auth().oauth2(TOKEN).get("/api/sources?" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo(bad.split("=")[0]));
        }
    }

    private static byte[] feed(String title, String... links) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>").append(title)
                .append("</title><link>https://example.org/</link><description>d</description>");
        for (int i = 0; i < links.length; i++) {
            s.append("<item><guid>").append(links[i]).append("</guid><title>").append(title).append(" berita ").append(i)
                    .append("</title><link>").append(links[i]).append("</link><pubDate>Mon, 19 Dec 2022 1").append(i)
                    .append(":00:00 GMT</pubDate></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long subscribe(String url) {
        long id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> source(id).get("lastFetchedAt") != null);
        return id;
    }

    private static Map<String, Object> source(long id) {
        return given().auth().oauth2(TOKEN).get("/api/sources/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** What the list and the single view say, and what the entry table holds. */
    private void assertCounts(long id, int expected) {
        assertThat(db.count("entry where source_id = " + id)).isEqualTo(expected);
        assertThat(((Number) source(id).get("entries")).intValue()).isEqualTo(expected);
        List<Map<String, Object>> listed = list("/api/sources").jsonPath().getList("$");
        assertThat(listed).filteredOn(s -> ((Number) s.get("id")).longValue() == id).singleElement()
                .satisfies(s -> assertThat(((Number) s.get("entries")).intValue()).isEqualTo(expected));
    }

    @Test
    void entryCountsFollowEveryWriteAndAreReadFromTheCounterNotCountedPerRequest() {
        upstream.serve("/a.xml", "application/rss+xml", feed("A", "https://a.example/1", "https://a.example/2", "https://a.example/3"));
        upstream.serve("/b.xml", "application/rss+xml", feed("B", "https://b.example/1", "https://b.example/2"));
        long a = subscribe(upstream.url("/a.xml"));
        long b = subscribe(upstream.url("/b.xml"));
        assertCounts(a, 3);
        assertCounts(b, 2);

        // Retention removes two of A's entries.
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("retention", Map.of("maxEntries", 1)))
                .patch("/api/sources/" + a).then().statusCode(200);
        given().auth().oauth2(TOKEN).post("/api/sources/" + a + "/refresh").then().statusCode(200);
        assertCounts(a, 1);

        // An entry of B deleted at the desk.
        long bEntry = Long.parseLong(db.text("select min(id) from entry where source_id = " + b));
        assertThat(ingest.delete(bEntry)).isPresent();
        assertCounts(b, 1);

        // A deleted source leaves its entries without a source; B's count is untouched.
        given().auth().oauth2(TOKEN).delete("/api/sources/" + a).then().statusCode(204);
        assertThat(db.count("entry where source_id is null")).isEqualTo(1);
        assertCounts(b, 1);

        // The answer is the maintained counter, not a count of entry rows made for the request.
        db.execute("update source set entry_count = 41 where id = " + b);
        assertThat(((Number) source(b).get("entries")).intValue()).isEqualTo(41);
        assertThat(list("/api/sources").jsonPath().getInt("[0].entries")).isEqualTo(41);
    }
}
