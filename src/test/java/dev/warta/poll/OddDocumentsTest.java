package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.NOW;
import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.warta.ingest.ItemDraft;

/**
 * Documents that made Rome throw something other than a reading error (issue 12: the W3C validator's and
 * feedparser's test feeds): each is read, or refused with a {@link FeedReadException} that says why.
 */
class OddDocumentsTest {

    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String name) throws FeedReadException {
        return parser.parse(fixture("odd/" + name), Optional.empty(), Optional.empty(), URI.create("https://odd.example.com/feed"), NOW);
    }

    @Test
    void refusesAnRssElementWithoutAChannel() {
        assertThatThrownBy(() -> parse("rss-without-channel.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("<channel>")
                .extracting(e -> ((FeedReadException) e).reason()).isEqualTo(FeedReadException.Reason.MALFORMED);
    }

    @Test
    void refusesAnEmptyRssElementLikeTheW3cDoctypeCase() {
        byte[] empty = "<?xml version=\"1.0\"?>\n<rss version=\"0.91\">\n</rss>".getBytes();
        assertThatThrownBy(() -> parser.parse(empty, Optional.empty(), Optional.empty(), URI.create("https://odd.example.com/"), NOW))
                .isInstanceOf(FeedReadException.class).hasMessageContaining("<channel>");
    }

    @Test
    void readsItemsThatStandStraightUnderRss() throws Exception {
        ParsedFeed feed = parse("rss-items-without-channel.xml");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Berita tanpa saluran");
            assertThat(i.link()).isEqualTo("https://lepas.example.com/berita/1");
            assertThat(i.summary()).isEqualTo("Isi berita lepas.");
        });
    }

    @Test
    void readsAnEmptyAtomFeedAsAFeedWithoutItems() throws Exception {
        ParsedFeed feed = parse("atom-empty.xml");
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.items()).isEmpty();
    }

    @Test
    void refusesARootElementThatIsNeitherRssNorAtom() {
        assertThatThrownBy(() -> parse("root-neither.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("<catalog>")
                .extracting(e -> ((FeedReadException) e).reason()).isEqualTo(FeedReadException.Reason.MALFORMED);
    }

    @Test
    void readsXml11() throws Exception {
        ParsedFeed feed = parse("xml11.xml");
        assertThat(feed.title()).isEqualTo("Kabar XML 1.1");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Berita dari XML 1.1");
            assertThat(i.publishedAt()).isEqualTo(Instant.parse("2022-12-19T03:00:00Z"));
        });
    }

    @Test
    void readsRssInANamespaceOfItsOwn() throws Exception {
        ParsedFeed feed = parse("rss-unknown-namespace.xml");
        assertThat(feed.title()).isEqualTo("Kabar Bernamespace");
        assertThat(feed.siteUrl()).isEqualTo("https://ns.example.com/");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Berita bernamespace");
            assertThat(i.link()).isEqualTo("https://ns.example.com/berita/1");
        });
    }

    @Test
    void decodesAtom03Base64Content() throws Exception {
        ParsedFeed feed = parse("atom03-base64.xml");
        assertThat(feed.format()).isEqualTo("atom_0.3");
        assertThat(feed.title()).isEqualTo("Kabar Base64");
        ItemDraft item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Catatan Base64");
        assertThat(item.contentHtml()).isEqualTo("<p>Isi <em>tersandi</em> di base64.</p>");
        assertThat(item.summary()).isEqualTo("Isi tersandi di base64.");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2022-12-19T09:00:00Z"));
        assertThat(item.updatedAt()).isEqualTo(Instant.parse("2022-12-19T09:30:00Z"));
    }

    @Test
    void decodesBase64TextConstructsOfAtom10() throws Exception {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>B</title>
                <entry><id>tag:b,1</id><title type="application/octet-stream">
                  Q2F0YXRhbiA8Yj5CYXNlNjQ8L2I+
                </title><summary type="application/octet-stream">UmluZ2thc2FuIGJhc2U2NA==</summary></entry></feed>
                """;
        ItemDraft item = parser.parse(xml.getBytes(), Optional.empty(), Optional.empty(), URI.create("https://b.example/"), NOW)
                .items().get(0);
        assertThat(item.title()).isEqualTo("Catatan Base64");
        assertThat(item.summary()).isEqualTo("Ringkasan base64");
    }

    @Test
    void readsAnItemWhoseMediaRestrictionRomeCannotParse() throws Exception {
        ParsedFeed feed = parse("media-restriction.xml");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Foto terbatas");
            assertThat(i.link()).isEqualTo("https://batas.example.com/berita/1");
        });
    }

    @Test
    void readsAFeedWhoseScheduleHintsRomeWouldRefuse() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>Jadwal</title><link>https://jadwal.example/</link><description>d</description>
                <skipHours><hour>25</hour></skipHours><skipDays><day>fantabuday</day></skipDays>
                <cloud domain="rpc.example" port="a" path="/RPC2" registerProcedure="p" protocol="xml-rpc"/>
                <item><title>Tetap terbaca</title><link>https://jadwal.example/1</link></item></channel></rss>
                """;
        ParsedFeed feed = parser.parse(xml.getBytes(), Optional.empty(), Optional.empty(), URI.create("https://jadwal.example/rss"), NOW);
        assertThat(feed.items()).extracting(ItemDraft::title).containsExactly("Tetap terbaca");
    }

    @Test
    void refusesADocumentNestedDeeperThanAnyFeed() {
        String deep = "<div>".repeat(50_000) + "x" + "</div>".repeat(50_000);
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>tag:d,1</id><title>Dalam</title>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + deep + "</div></content></entry></feed>";
        assertThatThrownBy(() -> parser.parse(xml.getBytes(), Optional.empty(), Optional.empty(), URI.create("https://d.example/"), NOW))
                .isInstanceOf(FeedReadException.class)
                .extracting(e -> ((FeedReadException) e).reason()).isEqualTo(FeedReadException.Reason.MALFORMED);
    }
}
