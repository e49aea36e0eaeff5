package dev.warta.source;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A desk moving from another reader imports its whole subscription list at once: 10,000 outlines in one
 * request are stored (issue 9 saw a 500 after a minute), and an outline Warta cannot follow is named by its
 * line, its position and its {@code xmlUrl}. Counts are asserted, never the time.
 */
@QuarkusTest
class OpmlImportAtScaleTest {

    static final int OUTLINES = 10_000;
    static final int FOLDERS = 20;
    /** Outlines listed a second time in the last folder: one source each, with both folders' topics. */
    static final int LISTED_TWICE = 5;

    @Inject
    TestDatabase db;

    @BeforeEach
    void clear() {
        db.clear();
    }

    /**
     * The import made its sources due and the poller is fetching them (their .invalid addresses fail at once):
     * pause them all and let the fetches under way end before the next test empties the tables.
     */
    @AfterEach
    void stopPolling() {
        db.execute("update source set state = 'paused', next_poll_at = null");
        await().atMost(Duration.ofSeconds(60)).until(() -> "0".equals(db.text("select count(*) from source where lease_owner is not null")));
        db.clear();
    }

    /** One outline a line, in {@value #FOLDERS} folders; {@code extraLines} go at the end of the last folder. */
    static String opml(List<String> extraLines) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<opml version=\"2.0\"><head><title>Pindahan</title></head>\n<body>\n");
        int perFolder = OUTLINES / FOLDERS;
        for (int f = 0; f < FOLDERS; f++) {
            b.append("<outline text=\"Rubrik ").append(f).append("\">\n");
            for (int i = f * perFolder; i < (f + 1) * perFolder; i++) {
                b.append("  <outline type=\"rss\" text=\"Kanal ").append(i).append("\" xmlUrl=\"http://kanal-").append(i)
                        .append(".invalid/rss.xml\" htmlUrl=\"http://kanal-").append(i).append(".invalid/\"/>\n");
            }
            if (f == FOLDERS - 1) {
                extraLines.forEach(line -> b.append(line).append('\n'));
            }
            b.append("</outline>\n");
        }
        return b.append("</body></opml>\n").toString();
    }

    private static JsonPath importOpml(String body) {
        return given().auth().oauth2(TOKEN).contentType("text/x-opml").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/sources/opml").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void tenThousandOutlinesAreImportedInOneRequestAndEachBadOneIsNamed() {
        List<String> extra = new java.util.ArrayList<>();
        for (int i = 0; i < LISTED_TWICE; i++) {
            extra.add("  <outline type=\"rss\" text=\"Lagi\" xmlUrl=\"http://kanal-" + i + ".invalid/rss.xml\"/>");
        }
        extra.add("  <outline type=\"rss\" text=\"Bukan web\" xmlUrl=\"ftp://arsip.invalid/rss.xml\"/>");
        extra.add("  <outline type=\"rss\" text=\"Tanpa host\" xmlUrl=\"http:///rss.xml\"/>");
        String body = opml(extra);
        int ftpLine = List.of(body.split("\n")).indexOf(extra.get(LISTED_TWICE)) + 1;

        JsonPath result = importOpml(body);

        assertThat(result.getInt("created")).isEqualTo(OUTLINES);
        assertThat(result.getInt("existing")).isZero();
        assertThat(result.getList("sources")).hasSize(OUTLINES).doesNotHaveDuplicates();
        List<Map<String, Object>> rejected = result.getList("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).containsEntry("url", "ftp://arsip.invalid/rss.xml")
                .containsEntry("line", ftpLine).containsEntry("outline", OUTLINES + LISTED_TWICE + 1);
        assertThat((String) rejected.get(0).get("problem")).contains("http");
        assertThat(rejected.get(1)).containsEntry("url", "http:///rss.xml")
                .containsEntry("line", ftpLine + 1).containsEntry("outline", OUTLINES + LISTED_TWICE + 2);

        assertThat(db.count("source")).isEqualTo(OUTLINES);
        assertThat(db.count("topic")).isEqualTo(FOLDERS);
        assertThat(db.count("source_topic")).isEqualTo(OUTLINES + LISTED_TWICE);
        // Every source is due from its creation on, and the poller, told of them, fetches them like a new subscription.
        assertThat(db.text("select count(*) from source where last_fetched_at is null "
                + "and (state <> 'active' or next_poll_at is null or next_poll_at > created_at)")).isEqualTo("0");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("source") == OUTLINES && !"0".equals(db.text("select count(*) from source where last_fetched_at is not null")));
        assertThat(db.text("select string_agg(t.slug, ',' order by t.slug) from source s join source_topic st on st.source_id = s.id "
                + "join topic t on t.id = st.topic_id where s.url = 'http://kanal-0.invalid/rss.xml'"))
                .isEqualTo("rubrik-0,rubrik-19");
        assertThat(db.text("select title || ' ' || site_url from source where url = 'http://kanal-9999.invalid/rss.xml'"))
                .isEqualTo("Kanal 9999 http://kanal-9999.invalid/");

        JsonPath again = importOpml(body);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("existing")).isEqualTo(OUTLINES);
        assertThat(again.getList("sources")).isEqualTo(result.getList("sources"));
        assertThat(db.count("source")).isEqualTo(OUTLINES);
        assertThat(db.count("source_topic")).isEqualTo(OUTLINES + LISTED_TWICE);
    }

    @Test
    void anOutlineWithMoreTopicsThanASourceMayHaveIsSetAsideAndNestingTooDeepIsRefusedAtItsLine() {
        String categories = String.join(",", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "Kategori " + i).toList());
        JsonPath result = importOpml("<opml version=\"2.0\"><body>\n<outline xmlUrl=\"http://satu.invalid/\"/>\n"
                + "<outline xmlUrl=\"http://dua.invalid/\" category=\"" + categories + "\"/>\n</body></opml>");
        assertThat(result.getInt("created")).isEqualTo(1);
        List<Map<String, Object>> rejected = result.getList("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0)).containsEntry("url", "http://dua.invalid/").containsEntry("line", 3).containsEntry("outline", 2);
        assertThat((String) rejected.get(0).get("problem")).contains("at most 50 topics");

        // The 65th folder in a folder is one too many; it stands on line 66.
        String deep = "<outline text=\"a\">\n".repeat(70) + "<outline xmlUrl=\"http://dalam.invalid/\"/>" + "</outline>".repeat(70);
        given().auth().oauth2(TOKEN).contentType("text/x-opml").body("<opml version=\"2.0\"><body>\n" + deep + "</body></opml>")
                .post("/api/sources/opml").then().statusCode(400).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("invalid-opml")).body("line", org.hamcrest.Matchers.equalTo(66));
        assertThat(db.count("source")).isEqualTo(1);
    }
}
