package dev.warta.source;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
    @AfterEach
    void clear() {
        // The import makes its sources due; their addresses (.invalid) fail at once and nothing is left behind.
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
        // Every source is due: the poller fetches them as it fetches a new subscription.
        assertThat(db.text("select count(*) from source where state = 'active' and next_poll_at is not null "
                + "and created_at is not null")).isEqualTo(String.valueOf(OUTLINES));
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
}
