package dev.warta.poll;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.poll.FeedParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;

import dev.warta.FakeSite;
import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Subscribing, fetching, storing and republishing upstream feeds, against real HTTP servers on loopback. */
@QuarkusTest
class PollingFlowTest {

    @Inject
    TestDatabase db;

    @Inject
    PollMetrics metrics;

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

    static List<Map<String, Object>> entries(String query) {
        return given().auth().oauth2(TOKEN).get("/api/entries?limit=500" + query).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static Map<String, Object> entryWithTitle(String title) {
        return entries("").stream().filter(e -> title.equals(e.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
    }

    static JsonPath entry(Object id) {
        return given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void subscribingFetchesTheFeedInTheBackgroundWithinSeconds() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        long id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("url", upstream.url("/rss.xml"), "topics", List.of("Dunia")))
                .post("/api/sources").then().statusCode(201)
                .header("Location", containsString("/api/sources/"))
                .body("state", equalTo("active"))
                .body("topics[0].slug", equalTo("dunia"))
                .extract().jsonPath().getLong("id");
        Sources.awaitFetched(id);
        JsonPath source = Sources.get(id);
        assertThat(source.getString("lastOutcome")).isEqualTo("fetched");
        assertThat(source.getString("title")).isEqualTo("Kabar Dunia");
        assertThat(source.getString("siteUrl")).isEqualTo("https://kabar.example.com/");
        assertThat(source.getInt("entries")).isEqualTo(2);
        assertThat(source.getString("nextPollAt")).isNotNull();
        assertThat(upstream.hits("/rss.xml")).isEqualTo(1);
        FakeSite.Request request = upstream.requests("/rss.xml").get(0);
        assertThat(request.header("User-Agent")).startsWith("Warta/");
        assertThat(request.header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void storesRss20ItemsWithTheirFieldsSanitizedAndLinksMadeAbsolute() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        Sources.subscribe(upstream.url("/rss.xml"), "Dunia");
        Map<String, Object> first = entryWithTitle("Rusia Kirim Pasukan Tambahan ke Perbatasan Ukraina");
        assertThat(first.get("kind")).isEqualTo("item");
        assertThat(first.get("url")).as("campaign parameters dropped").isEqualTo("https://kabar.example.com/dunia/rusia-pasukan");
        assertThat(first.get("author")).isEqualTo("Siti Rahma");
        assertThat(first.get("published")).isEqualTo("2022-12-19T03:15:00Z");
        JsonPath full = entry(first.get("id"));
        assertThat(full.getString("contentHtml")).contains("<b>pasukan</b>")
                .contains("href=\"https://kabar.example.com/dunia/peta\"")
                .contains("src=\"https://kabar.example.com/dunia/img/peta.png\"")
                .doesNotContain("script").doesNotContain("alert");
        assertThat(full.getString("source.feedUrl")).isEqualTo(upstream.url("/rss.xml"));
        assertThat(full.getList("topics.slug")).containsExactly("dunia");
        Map<String, Object> relative = entryWithTitle("Harga Beras Naik Jelang Natal");
        assertThat(relative.get("url")).isEqualTo("http://127.0.0.1:" + upstream.port() + "/ekonomi/harga-beras");
    }

    @Test
    void storesEveryFormatAndEncoding() {
        Map<String, String[]> fixtures = Map.of(
                "/rss10.rdf", new String[] { "application/rdf+xml", "rss10.rdf", "Zelensky Temui Pemimpin Eropa" },
                "/atom03.xml", new String[] { "application/atom+xml", "atom03.xml", "Catatan dari Kyiv" },
                "/atom10.xml", new String[] { "application/atom+xml", "atom10.xml", "Analisis: Perang Energi di Eropa" },
                "/feed.json", new String[] { "application/feed+json", "feed11.json", "Ukraina Terima Bantuan Generator" },
                "/cp1252.xml", new String[] { "application/rss+xml", "windows-1252.xml", "Harga Kopi “Naik” Jadi €5 – Café Ramai" },
                "/latin1.xml", new String[] { "text/xml; charset=ISO-8859-1", "iso-8859-1.xml", "Año nuevo en São Paulo: ¡fiesta!" },
                "/entities.xml", new String[] { "application/rss+xml", "rss20-entities.xml", "Kafé Baru di Bandung — Ramai Pengunjung" },
                "/bom.xml", new String[] { "application/rss+xml", "bom.xml", "Çeşme — Türkiye" });
        fixtures.forEach((path, f) -> upstream.serve(path, f[0], fixture(f[1])));
        fixtures.forEach((path, f) -> {
            long id = Sources.subscribe(upstream.url(path));
            assertThat(Sources.get(id).getString("lastOutcome")).as(path).isEqualTo("fetched");
            assertThat(entryWithTitle(f[2])).as(path).isNotNull();
        });
        assertThat(entryWithTitle("Analisis: Perang Energi di Eropa").get("url"))
                .isEqualTo("https://atom.example.com/blog/2022/12/analisis-energi");
        assertThat(entryWithTitle("Ukraina Terima Bantuan Generator").get("url"))
                .isEqualTo("http://127.0.0.1:" + upstream.port() + "/artikel/42");
    }

    @Test
    void conditionalGetSendsTheValidatorsAndA304ReadsAndWritesNothing() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"), "\"v1\"");
        double unread = metrics.documentsRead();
        long id = Sources.subscribe(upstream.url("/rss.xml"));
        assertThat(metrics.documentsRead()).as("the first answer, a 200, is parsed").isEqualTo(unread + 1);
        String before = db.snapshot() + " source_item=" + db.count("source_item");
        double read = metrics.documentsRead();

        JsonPath report = Sources.refresh(id);
        assertThat(report.getString("outcome")).isEqualTo("not-modified");
        assertThat(report.getInt("status")).isEqualTo(304);
        assertThat(report.getInt("newEntries")).isZero();
        assertThat(report.getInt("updatedEntries")).isZero();

        FakeSite.Request second = upstream.requests("/rss.xml").get(1);
        assertThat(second.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.header("If-Modified-Since")).isEqualTo("Mon, 19 Dec 2022 10:00:00 GMT");
        assertThat(metrics.documentsRead()).as("nothing parsed").isEqualTo(read);
        assertThat(db.snapshot() + " source_item=" + db.count("source_item")).as("nothing written").isEqualTo(before);
        assertThat(Sources.get(id).getString("lastOutcome")).isEqualTo("not-modified");

        // Both probes do move when the upstream answers 200 with a changed feed: the checks above could fail.
        String v2 = new String(fixture("rss20.xml"), StandardCharsets.UTF_8).replace("<channel>\n", """
                <channel>
                    <item><title>Kabar Baru</title><link>https://kabar.example.com/baru</link><guid>kabar-9</guid></item>
                """);
        upstream.serve("/rss.xml", "application/rss+xml", v2.getBytes(StandardCharsets.UTF_8), "\"v2\"");
        assertThat(Sources.refresh(id).getString("outcome")).isEqualTo("fetched");
        assertThat(metrics.documentsRead()).isEqualTo(read + 1);
        assertThat(db.snapshot() + " source_item=" + db.count("source_item")).isNotEqualTo(before);
    }

    @Test
    void refetchingAChangedFeedAddsOnlyTheNewEntryAndUpdatesTheChangedOne() {
        String v1 = new String(fixture("rss20.xml"), StandardCharsets.UTF_8);
        upstream.serve("/rss.xml", "application/rss+xml", v1.getBytes(StandardCharsets.UTF_8), "\"v1\"");
        long id = Sources.subscribe(upstream.url("/rss.xml"));
        Map<String, Object> changedBefore = entryWithTitle("Harga Beras Naik Jelang Natal");

        String v2 = v1.replace("Harga beras di pasar induk naik 5 persen.", "Harga beras di pasar induk naik 7 persen.")
                .replace("<channel>\n", """
                        <channel>
                            <item>
                              <title>Gencatan Senjata Natal Diusulkan</title>
                              <link>https://kabar.example.com/dunia/gencatan</link>
                              <guid>kabar-1002</guid>
                              <pubDate>Mon, 19 Dec 2022 12:00:00 +0700</pubDate>
                              <description>Usulan gencatan senjata.</description>
                            </item>
                        """);
        upstream.serve("/rss.xml", "application/rss+xml", v2.getBytes(StandardCharsets.UTF_8), "\"v2\"");
        JsonPath report = Sources.refresh(id);
        assertThat(report.getString("outcome")).isEqualTo("fetched");
        assertThat(report.getInt("newEntries")).isEqualTo(1);
        assertThat(report.getInt("updatedEntries")).isEqualTo(1);
        assertThat(report.getInt("unchanged")).isEqualTo(1);

        assertThat(entries("")).hasSize(3);
        Map<String, Object> changedAfter = entryWithTitle("Harga Beras Naik Jelang Natal");
        assertThat(changedAfter.get("id")).isEqualTo(changedBefore.get("id"));
        assertThat(changedAfter.get("summary")).isEqualTo("Harga beras di pasar induk naik 7 persen.");
        assertThat(changedAfter.get("published")).isEqualTo(changedBefore.get("published"));
        assertThat(Instant.parse((String) changedAfter.get("updated"))).isAfter(Instant.parse((String) changedBefore.get("updated")));
    }

    @Test
    void aPermanentRedirectUpdatesTheStoredAddress() {
        upstream.route("/old.xml", ex -> {
            ex.getResponseHeaders().set("Location", "/new.xml");
            ex.sendResponseHeaders(301, -1);
        });
        upstream.serve("/new.xml", "application/rss+xml", fixture("rss20.xml"));
        long id = Sources.subscribe(upstream.url("/old.xml"));
        assertThat(Sources.get(id).getString("url")).isEqualTo(upstream.url("/new.xml"));
        Sources.refresh(id);
        assertThat(upstream.hits("/old.xml")).as("the next fetch goes to the new address").isEqualTo(1);
        assertThat(upstream.hits("/new.xml")).isEqualTo(2);
    }

    @Test
    void cacheControlMaxAgeSetsAFloorOnTheNextPoll() {
        upstream.route("/rss.xml", ex -> {
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=7200");
            FakeSite.send(ex, 200, "application/rss+xml", fixture("rss20.xml"));
        });
        long id = Sources.subscribe(upstream.url("/rss.xml"));
        JsonPath report = Sources.refresh(id);
        Instant next = Instant.parse(report.getString("nextPollAt"));
        assertThat(next).isAfterOrEqualTo(Instant.now().plus(Duration.ofMinutes(119)));
    }

    @Test
    void aPageIsResolvedThroughFeedAutodiscovery() {
        upstream.serve("/", "text/html; charset=utf-8", fixture("page.html"));
        upstream.serve("/feeds/atom.xml", "application/atom+xml", fixture("atom10.xml"));
        long id = Sources.subscribe(upstream.url("/"));
        JsonPath source = Sources.get(id);
        assertThat(source.getString("lastOutcome")).isEqualTo("fetched");
        assertThat(source.getString("url")).isEqualTo(upstream.url("/feeds/atom.xml"));
        assertThat(source.getInt("entries")).isEqualTo(3);
    }

    @Test
    void theSameFeedTwiceIsAConflictNamingTheExistingSource() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        long id = Sources.subscribe(upstream.url("/rss.xml"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("url", "HTTP://127.0.0.1:" + upstream.port() + "/rss.xml#top"))
                .post("/api/sources").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("duplicate-source"))
                .body("existing.id", equalTo((int) id))
                .body("detail", containsString("source " + id));
    }

    @Test
    void republishedAtomEntriesNameTheirUpstreamInASourceElementThatOutlivesTheSource() {
        upstream.serve("/atom.xml", "application/atom+xml", fixture("atom10.xml"));
        long id = Sources.subscribe(upstream.url("/atom.xml"), "Energi");
        Feed feed = FeedReader.atom(given().get("/feeds/topics/energi.atom").then().statusCode(200).extract().asByteArray());
        Entry entry = feed.getEntries().stream().filter(e -> e.getTitle().startsWith("Analisis")).findFirst().orElseThrow();
        assertSource(entry);
        com.rometools.rome.feed.rss.Item item = FeedReader.rss(given().get("/feeds/topics/energi.rss").then().statusCode(200)
                .extract().asByteArray()).getItems().stream().filter(i -> i.getTitle().startsWith("Analisis")).findFirst()
                .orElseThrow();
        assertThat(item.getSource().getUrl()).isEqualTo(upstream.url("/atom.xml"));
        assertThat(item.getSource().getValue()).isEqualTo("Jurnal Atom");
        long entryId = ((Number) entryWithTitle(entry.getTitle()).get("id")).longValue();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(given().get("/entries/" + entryId).then().statusCode(200)
                .extract().asString());
        assertThat(page.select(".source a").eachAttr("href"))
                .containsExactly("https://atom.example.com/blog/", upstream.url("/atom.xml"));
        assertThat(page.select(".source").text()).contains("Jurnal Atom");
        given().get("/feeds/topics/energi.json").then().statusCode(200)
                .body("items.find { it.title.startsWith('Analisis') }._warta.source.title", equalTo("Jurnal Atom"))
                .body("items.find { it.title.startsWith('Analisis') }._warta.source.feed_url", equalTo(upstream.url("/atom.xml")))
                .body("items.find { it.title.startsWith('Analisis') }._warta.source.home_page_url",
                        equalTo("https://atom.example.com/blog/"));

        given().auth().oauth2(TOKEN).delete("/api/sources/" + id).then().statusCode(204);
        given().auth().oauth2(TOKEN).get("/api/sources/" + id).then().statusCode(404).contentType("application/problem+json");
        Feed after = FeedReader.atom(given().get("/feeds/topics/energi.atom").then().statusCode(200).extract().asByteArray());
        assertThat(after.getEntries()).as("the source goes, its entries stay").hasSize(3);
        assertSource(after.getEntries().stream().filter(e -> e.getTitle().startsWith("Analisis")).findFirst().orElseThrow());
        assertThat(entry(entryWithTitle("Catatan Tanpa Tanggal").get("id")).getString("source.id")).isNull();
    }

    private void assertSource(Entry entry) {
        Feed source = entry.getSource();
        assertThat(source).as("atom:source").isNotNull();
        assertThat(source.getTitleEx().getValue()).isEqualTo("Jurnal Atom");
        assertThat(source.getId()).isEqualTo(upstream.url("/atom.xml"));
        assertThat(source.getOtherLinks()).extracting(Link::getRel, Link::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple("self", upstream.url("/atom.xml")));
        assertThat(source.getAlternateLinks()).extracting(Link::getHref).containsExactly("https://atom.example.com/blog/");
    }

    @Test
    void pausingStopsPollingAndResumingFetchesAgain() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        long id = Sources.subscribe(upstream.url("/rss.xml"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("paused", true, "topics", List.of("Ekonomi")))
                .patch("/api/sources/" + id).then().statusCode(200)
                .body("state", equalTo("paused")).body("paused", equalTo(true))
                .body("topics[0].slug", equalTo("ekonomi"));
        assertThat(Sources.get(id).getString("nextPollAt")).isNull();
        assertThat(Sources.refresh(id).getString("outcome")).as("a manual refresh still fetches").isEqualTo("fetched");
        assertThat(Sources.get(id).getString("state")).as("and leaves the source paused").isEqualTo("paused");
        assertThat(Sources.get(id).getString("nextPollAt")).isNull();
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("paused", false))
                .patch("/api/sources/" + id).then().statusCode(200).body("state", equalTo("active"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> upstream.hits("/rss.xml") == 3);
        Sources.awaitFetched(id);
        assertThat(Sources.get(id).getString("nextPollAt")).isNotNull();
    }

    @Test
    void refusesInvalidRequestsWithProblems() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/feed"))
                .post("/api/sources").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("url"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("url", "http://x.example.com/", "topics", List.of("!!")))
                .post("/api/sources").then().statusCode(400).body("field", equalTo("topics[0]"));
        given().contentType(ContentType.JSON).body(Map.of("url", "http://x.example.com/"))
                .post("/api/sources").then().statusCode(401);
        given().auth().oauth2(TOKEN).get("/api/sources/999999").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).post("/api/sources/999999/refresh").then().statusCode(404);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("paused", "yes"))
                .patch("/api/sources/999999").then().statusCode(400).body("field", equalTo("paused"));
        assertThat(db.count("source")).isZero();
    }

    @Test
    void metricsAndHealthReportThePoller() {
        upstream.serve("/rss.xml", "application/rss+xml", fixture("rss20.xml"));
        Sources.subscribe(upstream.url("/rss.xml"));
        String metricsText = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metricsText).contains("warta_poll_fetches_total{outcome=\"fetched\"")
                .contains("warta_poll_entries_total{change=\"new\"")
                .contains("warta_poll_fetch_duration_seconds_count")
                .contains("warta_poll_due");
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'poller' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'poller' }.data.enabled", equalTo(false));
    }
}
