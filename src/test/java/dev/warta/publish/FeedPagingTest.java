package dev.warta.publish;

import static dev.warta.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;

import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import dev.warta.entry.Byline;
import dev.warta.ingest.EntryDraft;
import dev.warta.ingest.IngestService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** RFC 5005 paged feeds with keyset cursors: a walk sees every entry once, in order, while entries arrive. */
@QuarkusTest
class FeedPagingTest {

    static final String TOPIC = "Uji Halaman";
    static final String SLUG = "uji-halaman";
    static final Instant START = Instant.parse("2023-03-01T00:00:00Z");

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
            store("Artikel nomor " + i, START.plusSeconds(60L * (i / 3)));
        }
        expected = IntStream.iterate(119, i -> i >= 0, i -> i - 1).mapToObj(i -> "Artikel nomor " + i).toList();
    }

    void store(String title, Instant published) {
        ingest.ingest(new EntryDraft(title, "Ringkasan " + title, "<p>" + title + "</p>", Byline.author("Tim Warta"), null,
                published, List.of(TOPIC), List.of()));
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    static String rel(List<Link> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref).findFirst().orElse(null);
    }

    @Test
    void anAtomWalkSeesEveryEntryOnceInOrderWhileNewEntriesArrive() {
        String first = url("/feeds/topics/" + SLUG + ".atom?limit=25");
        List<String> seen = new ArrayList<>();
        String next = first;
        int page = 0;
        while (next != null) {
            Feed feed = FeedReader.atom(get(next).body());
            assertThat(rel(feed.getOtherLinks(), "first")).as("every page links the first").isEqualTo(first);
            assertThat(rel(feed.getOtherLinks(), "self")).isEqualTo(next);
            if (page == 0) {
                assertThat(rel(feed.getOtherLinks(), "previous")).as("nothing is newer than the first page").isNull();
            } else {
                assertThat(rel(feed.getOtherLinks(), "previous")).contains("after=");
            }
            feed.getEntries().forEach(e -> seen.add(e.getTitle()));
            if (page == 1) {
                // New articles arrive while the reader is on page 2, and one is back-dated into page 1.
                for (int i = 0; i < 10; i++) {
                    store("Artikel baru " + i, Instant.now().minusSeconds(i));
                }
                store("Artikel susulan", START.plusSeconds(60L * 38 + 30));
            }
            next = rel(feed.getOtherLinks(), "next");
            page++;
        }
        assertThat(page).isEqualTo(5);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(FeedReader.atom(get(first).body()).getEntries().get(0).getTitle()).isEqualTo("Artikel baru 0");
    }

    @Test
    void previousLinksWalkBackToTheNewestEntries() {
        String next = url("/feeds/topics/" + SLUG + ".atom?limit=50");
        Feed last = null;
        while (next != null) {
            last = FeedReader.atom(get(next).body());
            next = rel(last.getOtherLinks(), "next");
        }
        assertThat(last.getEntries()).hasSize(20);
        List<List<String>> pages = new ArrayList<>();
        String previous = rel(last.getOtherLinks(), "previous");
        while (previous != null) {
            Feed feed = FeedReader.atom(get(previous).body());
            pages.add(0, feed.getEntries().stream().map(e -> e.getTitle()).toList());
            assertThat(rel(feed.getOtherLinks(), "next")).as("a page reached backwards still links older entries").isNotNull();
            previous = rel(feed.getOtherLinks(), "previous");
        }
        List<String> back = new ArrayList<>();
        pages.forEach(back::addAll);
        back.addAll(last.getEntries().stream().map(e -> e.getTitle()).toList());
        assertThat(back).containsExactlyElementsOf(expected);
    }

    @Test
    void rssPagesLinkWithAtomLinks() {
        List<String> seen = new ArrayList<>();
        String next = url("/feeds/topics/" + SLUG + ".rss?limit=40");
        while (next != null) {
            Channel channel = FeedReader.rss(get(next).body());
            channel.getItems().forEach(item -> seen.add(item.getTitle()));
            next = atomLink(channel, "next");
            assertThat(atomLink(channel, "first")).isEqualTo(url("/feeds/topics/" + SLUG + ".rss?limit=40"));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    static String atomLink(Channel channel, String rel) {
        for (org.jdom2.Element e : channel.getForeignMarkup()) {
            if (e.getName().equals("link") && rel.equals(e.getAttributeValue("rel"))) {
                return e.getAttributeValue("href");
            }
        }
        // With rome-modules on the classpath (Media RSS, issue 10), Rome reads atom:link into its Atom module
        // instead of leaving it among the foreign markup.
        if (channel.getModule(com.rometools.modules.atom.modules.AtomLinkModule.URI)
                instanceof com.rometools.modules.atom.modules.AtomLinkModule atom) {
            for (com.rometools.rome.feed.atom.Link link : atom.getLinks()) {
                if (rel.equals(link.getRel())) {
                    return link.getHref();
                }
            }
        }
        return null;
    }

    @Test
    void jsonFeedPagesLinkWithNextUrl() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> seen = new ArrayList<>();
        String next = url("/feeds/topics/" + SLUG + ".json");
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> r = get(next);
            JsonNode feed = json.readTree(r.body());
            feed.get("items").forEach(item -> seen.add(item.get("title").asText()));
            next = feed.hasNonNull("next_url") ? feed.get("next_url").asText() : null;
            pages++;
        }
        assertThat(pages).as("the default size is 50").isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void theAllFeedPagesToo() {
        List<String> seen = new ArrayList<>();
        String next = url("/feeds/all.atom?limit=33");
        while (next != null) {
            Feed feed = FeedReader.atom(get(next).body());
            feed.getEntries().forEach(e -> seen.add(e.getTitle()));
            next = rel(feed.getOtherLinks(), "next");
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aForgedCursorIsRefusedNamingTheField() {
        HttpResponse<byte[]> r = get(url("/feeds/topics/" + SLUG + ".atom?before=abc"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body())).contains("\"field\":\"before\"");
        assertThat(get(url("/feeds/topics/" + SLUG + ".atom?before=1.1&after=1.1")).statusCode()).isEqualTo(400);
    }
}
