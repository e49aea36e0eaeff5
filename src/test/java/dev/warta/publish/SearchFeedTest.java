package dev.warta.publish;

import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;

import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import dev.warta.entry.Byline;
import dev.warta.ingest.EntryDraft;
import dev.warta.ingest.IngestService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /feeds/search.{atom,rss,json}?q=}: a search as a feed a reader subscribes to, paged and cached like every feed. */
@QuarkusTest
class SearchFeedTest {

    static final Instant START = Instant.parse("2023-06-01T00:00:00Z");

    @Inject
    TestDatabase db;
    @Inject
    IngestService ingest;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void entries() {
        db.clear();
        store("Kota Dihantam", "Kota itu diserang pada malam hari.", 0, List.of());
        store("Cuaca Cerah", "Tidak ada apa-apa.", 1, List.of());
        store("Pasar Ramai", "Pedagang berjualan sampai sore.", 2,
                List.of(new EntryDraft.RelatedDraft("Serangan Hama di Ladang Cabai", null)));
    }

    void store(String title, String summary, int hour, List<EntryDraft.RelatedDraft> related) {
        ingest.ingest(new EntryDraft(title, summary, "<p>" + summary + "</p>", Byline.author("Tim Warta"), null,
                START.plusSeconds(3600L * hour), List.of("Uji Cari"), related));
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    static String rel(List<com.rometools.rome.feed.atom.Link> links, String rel) {
        return FeedPagingTest.rel(links, rel);
    }

    @Test
    void anAtomSearchFeedFindsTheStemmedMatch() {
        String self = url("/feeds/search.atom?q=serangan");
        HttpResponse<byte[]> r = get(self);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).isEqualTo("application/atom+xml;charset=utf-8");
        Feed feed = FeedReader.atom(r.body());
        assertThat(feed.getTitle()).isEqualTo("Pencarian: serangan");
        assertThat(feed.getEntries().stream().map(Entry::getTitle))
                .containsExactly("Serangan Hama di Ladang Cabai", "Kota Dihantam");
        assertThat(rel(feed.getOtherLinks(), "self")).isEqualTo(self);
        assertThat(rel(feed.getOtherLinks(), "hub")).as("searches are not pushed").isNull();
        assertThat(feed.getAlternateLinks()).singleElement()
                .satisfies(l -> assertThat(l.getHref()).isEqualTo(url("/search?q=serangan")));
        assertThat(header(r, "Link")).contains("<" + self + ">; rel=\"self\"")
                .contains("<" + url("/feeds/search.rss?q=serangan") + ">; rel=\"alternate\"")
                .doesNotContain("rel=\"hub\"");
        assertThat(feed.getId()).isNotEqualTo(FeedReader.atom(get(url("/feeds/all.atom")).body()).getId());
    }

    @Test
    void rssAndJsonSearchFeedsToo() throws Exception {
        Channel rss = FeedReader.rss(get(url("/feeds/search.rss?q=SERANGAN")).body());
        assertThat(rss.getTitle()).isEqualTo("Pencarian: serangan");
        assertThat(rss.getItems().stream().map(Item::getTitle)).containsExactly("Serangan Hama di Ladang Cabai", "Kota Dihantam");
        assertThat(FeedPagingTest.atomLink(rss, "self")).as("one spelling of the query")
                .isEqualTo(url("/feeds/search.rss?q=serangan"));
        JsonNode json = new ObjectMapper().readTree(get(url("/feeds/search.json?q=serangan")).body());
        assertThat(json.get("title").asText()).isEqualTo("Pencarian: serangan");
        assertThat(json.get("home_page_url").asText()).isEqualTo(url("/search?q=serangan"));
        assertThat(json.get("items")).hasSize(2);
        assertThat(json.get("hubs")).as("no hub pushes a search").isEmpty();
    }

    @Test
    void withoutStubsTheSearchFeedLeavesThemOut() {
        Feed feed = FeedReader.atom(get(url("/feeds/search.atom?q=serangan&stubs=false")).body());
        assertThat(feed.getEntries().stream().map(Entry::getTitle)).containsExactly("Kota Dihantam");
        assertThat(rel(feed.getOtherLinks(), "self")).isEqualTo(url("/feeds/search.atom?q=serangan&stubs=false"));
    }

    @Test
    void aSearchFeedPagesWithNextLinksThatKeepTheQuery() {
        for (int i = 0; i < 4; i++) {
            store("Serbuan " + i, "Desa " + i + " diserang lagi.", 10 + i, List.of());
        }
        List<String> expected = List.of("Serbuan 3", "Serbuan 2", "Serbuan 1", "Serbuan 0", "Serangan Hama di Ladang Cabai",
                "Kota Dihantam");
        String first = url("/feeds/search.atom?q=" + URLEncoder.encode("diserang", StandardCharsets.UTF_8) + "&limit=2");
        List<String> seen = new ArrayList<>();
        String next = first;
        String last = null;
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> r = get(next);
            Feed feed = FeedReader.atom(r.body());
            assertThat(rel(feed.getOtherLinks(), "first")).isEqualTo(first);
            feed.getEntries().forEach(e -> seen.add(e.getTitle()));
            last = next;
            next = rel(feed.getOtherLinks(), "next");
            if (next != null) {
                assertThat(next).startsWith(url("/feeds/search.atom?q=diserang&limit=2&before="));
                assertThat(header(r, "Link")).contains("<" + next + ">; rel=\"next\"");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
        String previous = rel(FeedReader.atom(get(last).body()).getOtherLinks(), "previous");
        assertThat(previous).contains("q=diserang").contains("after=");
        assertThat(FeedReader.atom(get(previous).body()).getEntries().stream().map(Entry::getTitle))
                .containsExactly("Serbuan 1", "Serbuan 0");
    }

    @Test
    void aBlankOrOverLongQueryIsAProblemInEveryFormat() {
        String tooLong = "a".repeat(201);
        for (String format : List.of(".atom", ".rss", ".json")) {
            for (String query : List.of("", "?q=", "?q=%20%20", "?q=" + tooLong)) {
                HttpResponse<byte[]> r = get(url("/feeds/search" + format + query));
                assertThat(r.statusCode()).as(format + query).isEqualTo(400);
                assertThat(header(r, "Content-Type")).isEqualTo("application/problem+json");
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"field\":\"q\"");
            }
        }
        assertThat(get(url("/feeds/search.atom?q=" + "a".repeat(200))).statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchFeedAnswersNotModifiedUntilANewMatchArrives() {
        String self = url("/feeds/search.atom?q=serangan");
        String etag = header(get(self), "ETag");
        assertThat(etag).isNotNull();
        assertThat(get(self, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(header(get(url("/feeds/search.atom?q=diserang")), "ETag")).as("another query, another document")
                .isNotEqualTo(etag);
        assertThat(header(get(url("/feeds/search.atom?q=" + URLEncoder.encode("  Serangan ", StandardCharsets.UTF_8))),
                "ETag")).as("the same query, spelled otherwise").isEqualTo(etag);

        store("Serangan Balik", "Pasukan membalas.", 5, List.of());
        HttpResponse<byte[]> after = get(self, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "ETag")).isNotEqualTo(etag);
        assertThat(FeedReader.atom(after.body()).getEntries().get(0).getTitle()).isEqualTo("Serangan Balik");
    }

    @Test
    void theSearchPageAdvertisesTheSearchFeed() {
        String page = url("/search?q=Serangan");
        Document doc = Jsoup.parse(new String(get(page).body(), StandardCharsets.UTF_8), page);
        assertThat(doc.select("head link[rel=alternate][type=application/atom+xml]").first().attr("href"))
                .isEqualTo(url("/feeds/search.atom?q=serangan"));
        assertThat(doc.select("head link[rel=alternate]").eachAttr("href"))
                .contains(url("/feeds/search.rss?q=serangan"), url("/feeds/search.json?q=serangan"));
        Feed feed = FeedReader.atom(get(doc.select("head link[rel=alternate][type=application/atom+xml]").first()
                .attr("href")).body());
        assertThat(feed.getEntries()).hasSize(2);
    }

    /** A person opening a search's feed is sent to the search's page (its feeds linked on it); readers get the feed. */
    @Test
    void aBrowserOpeningASearchFeedIsSentToTheSearchPage() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String format : List.of("atom", "rss", "json")) {
            HttpResponse<byte[]> sent = get(url("/feeds/search." + format + "?q=Serangan"), "Accept", browser);
            assertThat(sent.statusCode()).as(format).isEqualTo(303);
            assertThat(header(sent, "Location")).as(format).isEqualTo(url("/search?q=serangan"));
            assertThat(header(sent, "Vary")).as(format).containsIgnoringCase("Accept");
        }
        HttpResponse<byte[]> page = get(url("/search?q=serangan"), "Accept", browser);
        Document doc = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), url("/search?q=serangan"));
        assertThat(doc.select("header nav.feeds a").eachAttr("href")).as("subscribe links a person sees")
                .contains(url("/feeds/search.atom?q=serangan"));
        assertThat(doc.select("ul.results li")).hasSize(2);
        for (String reader : List.of("", "*/*",
                "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1")) {
            HttpResponse<byte[]> feed = reader.isEmpty() ? get(url("/feeds/search.atom?q=serangan"))
                    : get(url("/feeds/search.atom?q=serangan"), "Accept", reader);
            assertThat(feed.statusCode()).as(reader).isEqualTo(200);
            assertThat(FeedReader.atom(feed.body()).getEntries()).as(reader).hasSize(2);
        }
    }

    /** Optional: only where Debian's python3 with feedparser is installed (the pyenv one on PATH has none). */
    @Test
    void feedparserReadsTheSearchFeed() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        byte[] atom = get(url("/feeds/search.atom?q=serangan")).body();
        Process p = new ProcessBuilder(python.toString(), "-c", "import sys, feedparser\n"
                + "d = feedparser.parse(sys.stdin.buffer.read())\nprint(bool(d.bozo))\nprint(d.feed.title)\n"
                + "for e in d.entries: print(e.title)").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(atom);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeFalse(out.contains("No module named"), "no feedparser");
        assertThat(out.lines()).containsExactly("False", "Pencarian: serangan", "Serangan Hama di Ladang Cabai", "Kota Dihantam");
    }
}
