package dev.warta.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.warta.ingest.ItemDraft;

/** Every upstream format and encoding Warta reads, and the documents it refuses. */
class FeedParserTest {

    static final Instant NOW = Instant.parse("2023-01-05T00:00:00Z");

    private final FeedParser parser = new FeedParser();

    static byte[] fixture(String name) {
        try (InputStream in = FeedParserTest.class.getClassLoader().getResourceAsStream("feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedFeed parse(String name, String url) throws FeedReadException {
        return parser.parse(fixture(name), Optional.empty(), Optional.empty(), URI.create(url), NOW);
    }

    @Test
    void readsRss20WithContentCreatorCategoriesAndGuid() throws Exception {
        ParsedFeed feed = parse("rss20.xml", "https://kabar.example.com/rss.xml");
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Kabar Dunia");
        assertThat(feed.siteUrl()).isEqualTo("https://kabar.example.com/");
        assertThat(feed.items()).hasSize(2);
        ItemDraft first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("kabar-1001");
        assertThat(first.title()).isEqualTo("Rusia Kirim Pasukan Tambahan ke Perbatasan Ukraina");
        assertThat(first.link()).isEqualTo("https://kabar.example.com/dunia/rusia-pasukan?utm_source=rss");
        assertThat(first.author()).isEqualTo("Siti Rahma");
        assertThat(first.categories()).containsExactly("Internasional", "Eropa");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2022-12-19T03:15:00Z"));
        assertThat(first.updatedAt()).isEqualTo(first.publishedAt());
        assertThat(first.summary()).isEqualTo("Moskow menambah pasukan di perbatasan.");
        assertThat(first.contentHtml()).contains("<b>pasukan</b>").contains("href=\"/dunia/peta\"");
    }

    @Test
    void resolvesARelativeRssLinkAgainstTheFeedAddress() throws Exception {
        ItemDraft second = parse("rss20.xml", "https://kabar.example.com/feeds/rss.xml").items().get(1);
        assertThat(second.link()).isEqualTo("https://kabar.example.com/ekonomi/harga-beras");
        assertThat(second.guid()).as("no guid: the link identifies the item").isEqualTo(second.link());
        assertThat(second.contentHtml()).as("a plain description is a summary, not content").isNull();
        assertThat(second.summary()).isEqualTo("Harga beras di pasar induk naik 5 persen.");
    }

    @Test
    void readsHtmlEntitiesThatXmlDoesNotDeclare() throws Exception {
        ParsedFeed feed = parse("rss20-entities.xml", "https://lokal.example.com/rss");
        assertThat(feed.title()).isEqualTo("Warta Lokal");
        ItemDraft item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Kafé Baru di Bandung — Ramai Pengunjung");
        assertThat(item.summary()).isEqualTo("Kopi susu © 2022 & roti bakar");
    }

    @Test
    void readsRss10Rdf() throws Exception {
        ParsedFeed feed = parse("rss10.rdf", "https://rdf.example.org/index.rdf");
        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.title()).isEqualTo("Berita RDF");
        assertThat(feed.items()).extracting(ItemDraft::title).containsExactly("Zelensky Temui Pemimpin Eropa", "Gempa di Cianjur");
        ItemDraft first = feed.items().get(0);
        assertThat(first.link()).isEqualTo("https://rdf.example.org/a/1");
        assertThat(first.guid()).isEqualTo("https://rdf.example.org/a/1");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2022-12-19T01:30:00Z"));
        assertThat(first.author()).isEqualTo("Budi");
        assertThat(first.categories()).containsExactly("Politik");
        assertThat(first.summary()).isEqualTo("Pertemuan di Brussel.");
    }

    @Test
    void readsRss091WithNetscapesDoctypeAndRss092() throws Exception {
        ParsedFeed old = parse("rss091.xml", "http://arsip.example.net/rss");
        assertThat(old.format()).isEqualTo("rss_0.91U");
        assertThat(old.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Berita dari 1999");
            assertThat(i.link()).isEqualTo("http://arsip.example.net/1999/berita.html");
            assertThat(i.publishedAt()).as("undated: the fetch time").isEqualTo(NOW);
        });
        ParsedFeed v092 = parse("rss092.xml", "http://k092.example.net/rss");
        assertThat(v092.format()).isEqualTo("rss_0.92");
        assertThat(v092.items()).singleElement().satisfies(i -> {
            assertThat(i.categories()).containsExactly("Teknologi");
            assertThat(i.summary()).isEqualTo("Deskripsi pertama");
        });
    }

    @Test
    void readsAtom03() throws Exception {
        ParsedFeed feed = parse("atom03.xml", "http://atom03.example.org/atom.xml");
        assertThat(feed.format()).isEqualTo("atom_0.3");
        assertThat(feed.title()).isEqualTo("Blog Atom 0.3");
        assertThat(feed.siteUrl()).isEqualTo("http://atom03.example.org/");
        ItemDraft item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("tag:atom03.example.org,2022:kyiv");
        assertThat(item.title()).isEqualTo("Catatan dari Kyiv");
        assertThat(item.link()).isEqualTo("http://atom03.example.org/kyiv");
        assertThat(item.author()).isEqualTo("Dewi");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2022-12-19T09:00:00Z"));
        assertThat(item.updatedAt()).isEqualTo(Instant.parse("2022-12-19T09:30:00Z"));
        assertThat(item.contentHtml()).contains("<em>Kyiv</em>");
    }

    @Test
    void readsAtom10AndResolvesLinksAgainstXmlBase() throws Exception {
        ParsedFeed feed = parse("atom10.xml", "https://elsewhere.example.net/mirror/atom.xml");
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Jurnal Atom");
        assertThat(feed.siteUrl()).isEqualTo("https://atom.example.com/blog/");
        ItemDraft first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("tag:atom.example.com,2022:analisis-energi");
        assertThat(first.title()).as("HTML title as plain text").isEqualTo("Analisis: Perang Energi di Eropa");
        assertThat(first.link()).isEqualTo("https://atom.example.com/blog/2022/12/analisis-energi");
        assertThat(first.author()).isEqualTo("Andi Wijaya");
        assertThat(first.categories()).containsExactly("ekonomi");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2022-12-19T00:00:00Z"));
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2022-12-19T02:00:00Z"));
        assertThat(first.summary()).isEqualTo("Eropa mencari gas di luar Rusia.");
        assertThat(first.contentHtml()).contains("<a href=\"sumber/gas\">gas</a>");
    }

    @Test
    void datesAMissingDateAtTheFetchAndClampsAFutureOne() throws Exception {
        ParsedFeed feed = parse("atom10.xml", "https://atom.example.com/blog/feed.atom");
        ItemDraft undated = feed.items().get(1);
        assertThat(undated.publishedAt()).isEqualTo(NOW);
        assertThat(undated.contentHtml()).as("text content is escaped").isEqualTo("Isi &lt;polos&gt;");
        ItemDraft future = feed.items().get(2);
        assertThat(future.publishedAt()).isEqualTo(NOW);
        assertThat(future.updatedAt()).isEqualTo(NOW);
        assertThat(future.link()).isEqualTo("https://atom.example.com/blog/masa-depan");
    }

    @Test
    void keysAnItemWithNeitherIdNorLinkByWhatItSays() throws Exception {
        ParsedFeed once = parse("no-id-no-link.xml", "https://pengumuman.example.com/rss");
        ParsedFeed later = parser.parse(fixture("no-id-no-link.xml"), Optional.empty(), Optional.empty(),
                URI.create("https://pengumuman.example.com/rss"), NOW.plus(Duration.ofDays(1)));
        assertThat(once.items()).extracting(ItemDraft::guid).allMatch(g -> g.startsWith("sha256:")).doesNotHaveDuplicates();
        assertThat(later.items()).extracting(ItemDraft::guid).isEqualTo(once.items().stream().map(ItemDraft::guid).toList());
        assertThat(once.items().get(0).link()).isNull();
    }

    @Test
    void readsJsonFeed11() throws Exception {
        ParsedFeed feed = parse("feed11.json", "https://json.example.com/feed.json");
        assertThat(feed.format()).isEqualTo("json_1.1");
        assertThat(feed.title()).isEqualTo("Kabar JSON");
        assertThat(feed.siteUrl()).isEqualTo("https://json.example.com/");
        ItemDraft first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("json-42");
        assertThat(first.link()).isEqualTo("https://json.example.com/artikel/42");
        assertThat(first.title()).isEqualTo("Ukraina Terima Bantuan Generator");
        assertThat(first.contentHtml()).isEqualTo("<p>Ratusan <strong>generator</strong> tiba.</p>");
        assertThat(first.summary()).isEqualTo("Ratusan generator tiba di Ukraina.");
        assertThat(first.author()).isEqualTo("Rina");
        assertThat(first.categories()).containsExactly("Ukraina", "Bantuan");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2022-12-19T04:00:00Z"));
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2022-12-19T05:00:00Z"));
        ItemDraft second = feed.items().get(1);
        assertThat(second.guid()).isEqualTo("43");
        assertThat(second.contentHtml()).isEqualTo("Baris satu<br>Baris &lt;dua&gt;");
    }

    @Test
    void readsJsonFeed10WithItsSingleAuthor() throws Exception {
        ParsedFeed feed = parse("feed10.json", "https://json10.example.com/feed.json");
        assertThat(feed.format()).isEqualTo("json_1");
        assertThat(feed.items()).singleElement().satisfies(i -> assertThat(i.author()).isEqualTo("Joko"));
    }

    @Test
    void readsWindows1252FromTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("windows-1252.xml", "https://nusantara.example.com/rss");
        assertThat(feed.title()).isEqualTo("Kantor Berita “Nusantara”");
        ItemDraft item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Harga Kopi “Naik” Jadi €5 – Café Ramai");
        assertThat(item.summary()).isEqualTo("Pemilik café mengatakan ‘tidak ada pilihan’.");
    }

    @Test
    void readsWindows1252MislabelledAsUtf8ThroughTheHealingPath() throws Exception {
        byte[] body = new String(fixture("windows-1252.xml"), Charset.forName("windows-1252"))
                .replace("encoding=\"windows-1252\"", "encoding=\"UTF-8\"").getBytes(Charset.forName("windows-1252"));
        ParsedFeed feed = parser.parse(body, Optional.empty(), Optional.empty(), URI.create("https://n.example.com/"), NOW);
        assertThat(feed.items().get(0).title()).isEqualTo("Harga Kopi “Naik” Jadi €5 – Café Ramai");
    }

    @Test
    void readsIso88591NamedOnlyByTheHttpHeader() throws Exception {
        ParsedFeed feed = parser.parse(fixture("iso-8859-1.xml"), Optional.of(StandardCharsets.ISO_8859_1),
                Optional.of("application/rss+xml"), URI.create("https://cronica.example.com/rss"), NOW);
        assertThat(feed.title()).isEqualTo("Crónica Latina");
        assertThat(feed.items().get(0).title()).isEqualTo("Año nuevo en São Paulo: ¡fiesta!");
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws Exception {
        ParsedFeed feed = parse("bom.xml", "https://bom.example.com/rss");
        assertThat(feed.items().get(0).title()).isEqualTo("Çeşme — Türkiye");
        ParsedFeed withHeader = parser.parse(fixture("bom.xml"), Optional.of(StandardCharsets.ISO_8859_1),
                Optional.of("text/xml"), URI.create("https://bom.example.com/rss"), NOW);
        assertThat(withHeader.items().get(0).title()).as("a BOM beats the header").isEqualTo("Çeşme — Türkiye");
    }

    @Test
    void refusesAnXxeDoctypeWithoutReadingTheFile() {
        assertThatThrownBy(() -> parse("xxe.xml", "https://evil.example.com/rss"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:")
                .extracting(e -> ((FeedReadException) e).reason()).isEqualTo(FeedReadException.Reason.DOCTYPE);
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        assertThatThrownBy(() -> parse("billion-laughs.xml", "https://lol.example.com/rss"))
                .isInstanceOf(FeedReadException.class)
                .extracting(e -> ((FeedReadException) e).reason()).isEqualTo(FeedReadException.Reason.DOCTYPE);
    }

    @Test
    void reportsMalformedXml() {
        assertThatThrownBy(() -> parse("malformed.xml", "https://rusak.example.com/rss"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageStartingWith("not a readable RSS or Atom feed")
                .extracting(e -> ((FeedReadException) e).reason()).isEqualTo(FeedReadException.Reason.MALFORMED);
    }

    @Test
    void reportsJsonThatIsNotAJsonFeed() {
        assertThatThrownBy(() -> parser.parse("{\"hello\":1}".getBytes(), Optional.empty(), Optional.of("application/json"),
                URI.create("https://x.example.com/"), NOW))
                .isInstanceOf(FeedReadException.class).hasMessageContaining("version");
    }

    @Test
    void readsAFeedServedWithTheWrongMediaType() throws Exception {
        for (String type : List.of("text/html", "text/plain", "application/json", "application/octet-stream")) {
            ParsedFeed feed = parser.parse(fixture("rss20.xml"), Optional.empty(), Optional.of(type),
                    URI.create("https://kabar.example.com/rss.xml"), NOW);
            assertThat(feed.items()).as(type).hasSize(2);
        }
    }

    @Test
    void findsTheFeedsAnHtmlPageAdvertisesAtomFirst() {
        assertThatThrownBy(() -> parser.parse(fixture("page.html"), Optional.empty(), Optional.of("text/html"),
                URI.create("https://portal.example.com/news/"), NOW))
                .isInstanceOf(FeedReadException.class)
                .satisfies(e -> {
                    FeedReadException f = (FeedReadException) e;
                    assertThat(f.reason()).isEqualTo(FeedReadException.Reason.HTML_PAGE);
                    assertThat(f.alternates()).containsExactly(
                            URI.create("https://portal.example.com/news/feeds/atom.xml"),
                            URI.create("https://portal.example.com/rss.xml"),
                            URI.create("https://portal.example.com/feed.json"));
                });
    }

    @Test
    void leavesDatesInUnusualFormsToRome() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://t.example/</link>
                <description>d</description>
                <item><title>Zona EST</title><link>https://t.example/1</link><pubDate>Mon, 19 Dec 2022 10:00:00 EST</pubDate></item>
                <item><title>Tanpa detik</title><link>https://t.example/2</link><pubDate>19 Dec 2022 10:00 +0700</pubDate></item>
                <item><title>Hanya tanggal</title><link>https://t.example/3</link><dc:date>2022-12-18</dc:date></item>
                <item><title>Rusak</title><link>https://t.example/4</link><pubDate>kemarin sore</pubDate></item>
                </channel></rss>
                """;
        List<ItemDraft> items = parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty(),
                URI.create("https://t.example/rss"), NOW).items();
        assertThat(items.get(0).publishedAt()).isEqualTo(Instant.parse("2022-12-19T15:00:00Z"));
        assertThat(items.get(1).publishedAt()).isEqualTo(Instant.parse("2022-12-19T03:00:00Z"));
        assertThat(items.get(2).publishedAt()).isEqualTo(Instant.parse("2022-12-18T00:00:00Z"));
        assertThat(items.get(3).publishedAt()).as("unreadable: the fetch time").isEqualTo(NOW);
    }

    @Test
    void readsAThousandEntryFeed() throws Exception {
        byte[] big = FeedFixtures.rss("Besar", "https://besar.example.com/", 1000, 0);
        assertThat(parser.parse(big, Optional.empty(), Optional.empty(), URI.create("https://besar.example.com/rss"), NOW)
                .items()).hasSize(1000);
    }
}
