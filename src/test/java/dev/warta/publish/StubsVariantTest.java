package dev.warta.publish;

import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

/** {@code ?stubs=false} on every feed: the same feed without the stubs, a variant of its own in links, cache and ETag. */
@QuarkusTest
class StubsVariantTest {

    static final String TOPIC = "Uji Varian";
    static final String SLUG = "uji-varian";
    static final Instant START = Instant.parse("2023-05-01T00:00:00Z");
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    TestDatabase db;
    @Inject
    IngestService ingest;

    @TestHTTPResource("/")
    URL root;

    /** Five articles, newest first, each naming two related articles (ten stubs). */
    List<String> articles;

    @BeforeEach
    void articlesWithStubs() {
        db.clear();
        articles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String title = "Artikel varian " + i;
            ingest.ingest(new EntryDraft(title, "Ringkasan " + i, "<p>Isi " + i + "</p>", Byline.author("Tim Warta"), null,
                    START.plusSeconds(3600L * i), List.of(TOPIC), List.of(new EntryDraft.RelatedDraft("Terkait " + i + "a", null),
                            new EntryDraft.RelatedDraft("Terkait " + i + "b", null))));
            articles.add(0, title);
        }
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    static boolean related(Entry e) {
        return e.getCategories().stream().anyMatch(c -> "related".equals(c.getTerm()));
    }

    static boolean related(Item i) {
        return i.getCategories().stream().anyMatch(c -> "related".equals(c.getValue()));
    }

    @Test
    void atomWithoutStubsHoldsTheArticlesOnly() {
        for (String path : List.of("/feeds/all.atom", "/feeds/topics/" + SLUG + ".atom")) {
            List<Entry> all = FeedReader.atom(get(url(path)).body()).getEntries();
            assertThat(all).as(path).hasSize(15).filteredOn(StubsVariantTest::related).hasSize(10);
            List<Entry> variant = FeedReader.atom(get(url(path + "?stubs=false")).body()).getEntries();
            assertThat(variant).as(path).noneMatch(StubsVariantTest::related);
            assertThat(variant.stream().map(Entry::getTitle)).as(path).containsExactlyElementsOf(articles);
            assertThat(variant.stream().map(Entry::getId)).as("the same entries, by id")
                    .containsExactlyElementsOf(all.stream().filter(e -> !related(e)).map(Entry::getId).toList());
            assertThat(FeedReader.atom(get(url(path + "?stubs=true")).body()).getEntries()).hasSize(15);
        }
    }

    @Test
    void rssWithoutStubsHoldsTheArticlesOnly() {
        for (String path : List.of("/feeds/all.rss", "/feeds/topics/" + SLUG + ".rss")) {
            List<Item> all = FeedReader.rss(get(url(path)).body()).getItems();
            assertThat(all).as(path).hasSize(15).filteredOn(StubsVariantTest::related).hasSize(10);
            List<Item> variant = FeedReader.rss(get(url(path + "?stubs=false")).body()).getItems();
            assertThat(variant).as(path).noneMatch(StubsVariantTest::related);
            assertThat(variant.stream().map(i -> i.getGuid().getValue())).as(path)
                    .containsExactlyElementsOf(all.stream().filter(i -> !related(i)).map(i -> i.getGuid().getValue()).toList());
            assertThat(variant.stream().map(Item::getTitle)).containsExactlyElementsOf(articles);
        }
    }

    @Test
    void jsonFeedWithoutStubsHoldsTheArticlesOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String path : List.of("/feeds/all.json", "/feeds/topics/" + SLUG + ".json")) {
            JsonNode all = json.readTree(get(url(path)).body()).get("items");
            List<String> articleIds = new ArrayList<>();
            int stubs = 0;
            for (JsonNode item : all) {
                if (item.get("_warta").get("stub").asBoolean()) {
                    stubs++;
                } else {
                    articleIds.add(item.get("id").asText());
                }
            }
            assertThat(stubs).as(path).isEqualTo(10);
            JsonNode variant = json.readTree(get(url(path + "?stubs=false")).body());
            List<String> ids = new ArrayList<>();
            variant.get("items").forEach(item -> {
                assertThat(item.get("_warta").get("stub").asBoolean()).isFalse();
                ids.add(item.get("id").asText());
            });
            assertThat(ids).as(path).containsExactlyElementsOf(articleIds);
            assertThat(variant.get("feed_url").asText()).isEqualTo(url(path + "?stubs=false"));
        }
    }

    @Test
    void aNegotiatedFeedAddressKeepsTheVariant() {
        HttpResponse<byte[]> r = get(url("/feeds/topics/" + SLUG + "?stubs=false"), "Accept", "application/atom+xml");
        assertThat(header(r, "Content-Type")).startsWith("application/atom+xml");
        assertThat(FeedReader.atom(r.body()).getEntries()).hasSize(5).noneMatch(StubsVariantTest::related);
    }

    @Test
    void pagesOfTheVariantLinkTheVariant() {
        String first = url("/feeds/topics/" + SLUG + ".atom?stubs=false&limit=2");
        List<String> seen = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> r = get(next);
            Feed feed = FeedReader.atom(r.body());
            assertThat(FeedPagingTest.rel(feed.getOtherLinks(), "first")).isEqualTo(first);
            assertThat(FeedPagingTest.rel(feed.getOtherLinks(), "self")).isEqualTo(next);
            assertThat(header(r, "Link")).contains("<" + first + ">; rel=\"first\"")
                    .contains("<" + url("/feeds/topics/" + SLUG + ".rss?stubs=false") + ">; rel=\"alternate\"");
            feed.getEntries().forEach(e -> seen.add(e.getTitle()));
            next = FeedPagingTest.rel(feed.getOtherLinks(), "next");
            if (next != null) {
                assertThat(next).contains("stubs=false");
                assertThat(header(r, "Link")).contains("<" + next + ">; rel=\"next\"");
            }
            String previous = FeedPagingTest.rel(feed.getOtherLinks(), "previous");
            assertThat(previous == null || previous.contains("stubs=false")).as(String.valueOf(previous)).isTrue();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(articles);

        Channel rss = FeedReader.rss(get(url("/feeds/all.rss?stubs=false&limit=2")).body());
        assertThat(FeedPagingTest.atomLink(rss, "next")).contains("stubs=false");
    }

    @Test
    void theVariantHasItsOwnEtagAndAnswersNotModified() {
        String path = url("/feeds/all.atom");
        String plain = header(get(path), "ETag");
        HttpResponse<byte[]> variant = get(path + "?stubs=false");
        String etag = header(variant, "ETag");
        assertThat(etag).isNotNull().isNotEqualTo(plain);
        assertThat(get(path + "?stubs=false", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get(path + "?stubs=false", "If-None-Match", plain).statusCode()).isEqualTo(200);
        assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(200);
        assertThat(FeedReader.atom(get(path).body()).getEntries()).as("the default kept its stubs").hasSize(15);
        assertThat(FeedReader.atom(variant.body()).getId()).as("another feed")
                .isNotEqualTo(FeedReader.atom(get(path).body()).getId());
    }

    @Test
    void anUnknownValueIsAProblem() {
        for (String path : List.of("/feeds/all.atom", "/feeds/topics/" + SLUG + ".json", "/feeds/all")) {
            HttpResponse<byte[]> r = get(url(path + "?stubs=maybe"));
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(header(r, "Content-Type")).isEqualTo("application/problem+json");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"field\":\"stubs\"");
        }
    }

    @Test
    void aBrowserOpeningTheVariantSeesItWithoutStubs() {
        String atom = url("/feeds/topics/" + SLUG + ".atom?stubs=false");
        Document page = Jsoup.parse(new String(get(atom, "Accept", BROWSER).body(), StandardCharsets.UTF_8), atom);
        assertThat(page.select("ul.entries li > a").eachText()).containsExactlyElementsOf(articles);
        assertThat(page.select("ul.entries .badge")).isEmpty();
        assertThat(page.selectFirst("#subscribe .address").text()).isEqualTo(atom);
        assertThat(page.select("#subscribe .feeds a").eachAttr("href")).allMatch(href -> href.endsWith("?stubs=false"));
        Document plain = Jsoup.parse(new String(get(url("/feeds/topics/" + SLUG + ".atom"), "Accept", BROWSER).body(),
                StandardCharsets.UTF_8));
        assertThat(plain.select("ul.entries .badge")).as("the default page keeps them").hasSize(10);
    }
}
