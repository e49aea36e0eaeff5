package dev.warta.web;

import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import dev.warta.entry.Byline;
import dev.warta.ingest.EntryDraft;
import dev.warta.ingest.IngestService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Keyset paging of the topic pages and {@code GET /api/entries}, and what keeps the archive's reads flat: the
 * publication time carried on {@code entry_topic} and the per-topic counts, kept right by every writer.
 */
@QuarkusTest
class ArchivePagingTest {

    static final String TOPIC = "Uji Halaman";
    static final String SLUG = "uji-halaman";
    static final String OTHER = "Uji Lain";
    static final Instant START = Instant.parse("2023-03-01T00:00:00Z");
    static final Pattern TITLE = Pattern.compile(">(Artikel nomor \\d+)</a>");
    static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"");
    static final Pattern PREV = Pattern.compile("<a rel=\"prev\" href=\"([^\"]+)\"");

    @Inject
    TestDatabase db;
    @Inject
    IngestService ingest;

    @TestHTTPResource("/")
    URL root;

    /** Titles in feed order, newest first. */
    List<String> expected;

    @BeforeEach
    void hundredTwentyEntries() {
        db.clear();
        // Three entries share each publication time, so the id must break ties for the order to be total.
        for (int i = 0; i < 120; i++) {
            store("Artikel nomor " + i, START.plusSeconds(60L * (i / 3)), TOPIC);
        }
        store("Kabar lain", START, OTHER);
        expected = IntStream.iterate(119, i -> i >= 0, i -> i - 1).mapToObj(i -> "Artikel nomor " + i).toList();
    }

    void store(String title, Instant published, String topic) {
        ingest.ingest(new EntryDraft(title, "Ringkasan " + title, "<p>" + title + "</p>", Byline.author("Tim Warta"), null,
                published, List.of(topic), List.of()));
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    static List<String> titles(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = TITLE.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String link(Pattern rel, String html) {
        Matcher m = rel.matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void topicPagesLinkOlderAndNewerPagesAndAWalkSeesEveryEntryOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String next = url("/topics/" + SLUG);
        List<String> pages = new ArrayList<>();
        while (next != null) {
            HttpResponse<byte[]> r = get(next);
            assertThat(r.statusCode()).as(next).isEqualTo(200);
            String html = new String(r.body(), StandardCharsets.UTF_8);
            List<String> titles = titles(html);
            assertThat(titles).hasSizeLessThanOrEqualTo(PageTarget.TOPIC_ENTRIES);
            seen.addAll(titles);
            pages.add(next);
            String older = link(NEXT, html);
            if (older != null) {
                assertThat(header(r, "Link")).contains("rel=\"next\"");
            }
            if (pages.size() > 1) {
                assertThat(link(PREV, html)).as("a page past the first links the newer one").isNotNull();
            } else {
                assertThat(link(PREV, html)).as("the first page has nothing newer").isNull();
            }
            next = older;
        }
        assertThat(pages).hasSize(3);
        assertThat(seen).isEqualTo(expected);

        // Back from the last page: its newer page is the second one's entries.
        String last = new String(get(pages.get(2)).body(), StandardCharsets.UTF_8);
        String newer = new String(get(link(PREV, last)).body(), StandardCharsets.UTF_8);
        assertThat(titles(newer)).isEqualTo(expected.subList(50, 100));

        // An older page is a page like the others: cached, with its own validator.
        HttpResponse<byte[]> second = get(pages.get(1));
        assertThat(get(pages.get(1), "If-None-Match", header(second, "ETag")).statusCode()).isEqualTo(304);
        assertThat(header(second, "ETag")).isNotEqualTo(header(get(pages.get(0)), "ETag"));
    }

    @Test
    void aCursorThatNoLinkGaveIsAProblem() {
        given().get("/topics/" + SLUG + "?before=kemarin").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("before"));
        given().get("/topics/" + SLUG + "?before=1.1&after=1.1").then().statusCode(400)
                .contentType("application/problem+json");
        api().get("/api/entries?after=x").then().statusCode(400).body("field", equalTo("after"));
    }

    @Test
    void apiEntriesKeepsItsLimitAnswersAndWalksByCursor() {
        // Existing callers: ?limit= and ?topic= answer the newest entries, as before.
        List<String> newest = api().get("/api/entries?topic=" + SLUG + "&limit=7").then().statusCode(200)
                .extract().jsonPath().getList("title");
        assertThat(newest).isEqualTo(expected.subList(0, 7));
        assertThat(api().get("/api/entries?limit=200").then().statusCode(200).extract().jsonPath().getList("title"))
                .hasSize(121);

        List<String> seen = new ArrayList<>();
        String next = "/api/entries?topic=" + SLUG + "&limit=25";
        int pages = 0;
        while (next != null) {
            Response r = api().get(next);
            r.then().statusCode(200);
            seen.addAll(r.jsonPath().getList("title"));
            next = rel(r.header("Link"), "next");
            if (pages > 0) {
                assertThat(rel(r.header("Link"), "previous")).isNotNull();
            }
            pages++;
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).isEqualTo(expected);

        // After a cursor: the entries just newer than it, newest first.
        Response second = api().get("/api/entries?topic=" + SLUG + "&limit=25");
        String older = rel(second.header("Link"), "next");
        Response page2 = api().get(older);
        List<String> back = api().get(rel(page2.header("Link"), "previous")).jsonPath().getList("title");
        assertThat(back).isEqualTo(expected.subList(0, 25));
    }

    static io.restassured.specification.RequestSpecification api() {
        return given().auth().oauth2(dev.warta.Fixtures.TOKEN);
    }

    static String rel(String header, String rel) {
        if (header == null) {
            return null;
        }
        Matcher m = Pattern.compile("<([^>]+)>; rel=\"" + rel + "\"").matcher(header);
        return m.find() ? URI_PATH.matcher(m.group(1)).replaceFirst("") : null;
    }

    static final Pattern URI_PATH = Pattern.compile("^https?://[^/]+");

    @Test
    void entryTopicCarriesThePublicationTimeAndTopicsTheirCountWhicheverWriterMovesThem() {
        assertThat(count("select count(*) from entry_topic et join entry e on e.id = et.entry_id "
                + "where et.published_at <> e.published_at")).isZero();
        assertThat(count("select entries from topic_entry_count c join topic t on t.id = c.topic_id where t.slug = '" + SLUG + "'"))
                .isEqualTo(120);

        // A statement run by hand moves a publication time: the topic row follows, and the order with it.
        db.execute("update entry set published_at = '2030-01-01T00:00:00Z' where title = 'Artikel nomor 0'");
        assertThat(count("select count(*) from entry_topic et join entry e on e.id = et.entry_id "
                + "where et.published_at <> e.published_at")).isZero();
        assertThat(api().get("/api/entries?topic=" + SLUG + "&limit=1").jsonPath().getList("title"))
                .containsExactly("Artikel nomor 0");
        assertThat(titles(new String(get(url("/topics/" + SLUG)).body(), StandardCharsets.UTF_8)).get(0))
                .isEqualTo("Artikel nomor 0");

        db.execute("delete from entry where title in ('Artikel nomor 1', 'Artikel nomor 2')");
        assertThat(count("select entries from topic_entry_count c join topic t on t.id = c.topic_id where t.slug = '" + SLUG + "'"))
                .isEqualTo(118);
        assertThat(count("select count(*) from (select et.topic_id from entry_topic et group by et.topic_id "
                + "having count(*) <> (select entries from topic_entry_count c where c.topic_id = et.topic_id)) x")).isZero();
        assertThat(new String(get(url("/")).body(), StandardCharsets.UTF_8)).contains("(118 entri)");

        // Folding the writers' deltas (as the scheduled TopicCountFolder does, which may have run already) leaves the
        // whole count in topic_count itself.
        count("select warta_topic_count_fold()");
        assertThat(count("select count(*) from topic_count_delta")).isZero();
        assertThat(count("select entries from topic_count c join topic t on t.id = c.topic_id where t.slug = '" + SLUG + "'"))
                .isEqualTo(118);
    }

    long count(String sql) {
        return Long.parseLong(db.text(sql));
    }
}
