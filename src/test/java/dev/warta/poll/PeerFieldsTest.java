package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.warta.ingest.ItemDraft;

/**
 * Item fields that feedparser finds where Rome alone does not (issue 12, its tests/wellformed Expect lines): titles,
 * authors and summaries from Dublin Core, Media RSS and iTunes elements, Dublin Core Terms dates, and which of
 * several dates counts (the last, as a peer reads it).
 */
class PeerFieldsTest {

    private static final String NAMESPACES = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"";

    private final FeedParser parser = new FeedParser();

    private ItemDraft rssItem(String itemXml) throws FeedReadException {
        String xml = "<rss version=\"2.0\" " + NAMESPACES + "><channel><title>T</title><link>https://p.example/</link>"
                + "<description>d</description><item><link>https://p.example/1</link>" + itemXml + "</item></channel></rss>";
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty(),
                URI.create("https://p.example/rss"), NOW).items().get(0);
    }

    private ItemDraft atomEntry(String namespace, String entryXml) throws FeedReadException {
        String xml = "<feed " + namespace + "><title>T</title><entry><id>tag:p,1</id><title>Judul</title>" + entryXml + "</entry></feed>";
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty(),
                URI.create("https://p.example/atom"), NOW).items().get(0);
    }

    @Test
    void takesTheTitleFromDublinCoreWhenTheItemHasNone() throws Exception {
        assertThat(rssItem("<dc:title>Judul Dublin Core</dc:title>").title()).isEqualTo("Judul Dublin Core");
    }

    @Test
    void takesTheTitleFromMediaRssWhenTheItemHasNone() throws Exception {
        assertThat(rssItem("<media:title>Judul media</media:title>").title()).isEqualTo("Judul media");
        assertThat(rssItem("<media:title>Judul media</media:title><title>Judul item</title>").title()).isEqualTo("Judul item");
    }

    @Test
    void takesTheAuthorFromDcAuthorAndItunes() throws Exception {
        assertThat(rssItem("<dc:author>Penulis DC</dc:author>").author()).isEqualTo("Penulis DC");
        assertThat(rssItem("<itunes:author>Penulis iTunes</itunes:author>").author()).isEqualTo("Penulis iTunes");
        assertThat(rssItem("<dc:creator>Pencipta</dc:creator><itunes:author>Penulis iTunes</itunes:author>").author())
                .isEqualTo("Pencipta");
    }

    @Test
    void takesTheSummaryFromDcDescriptionAndItunes() throws Exception {
        assertThat(rssItem("<title>x</title><dc:description>Ringkasan DC</dc:description>").summary()).isEqualTo("Ringkasan DC");
        assertThat(rssItem("<title>x</title><itunes:summary>Ringkasan iTunes</itunes:summary>").summary())
                .isEqualTo("Ringkasan iTunes");
        assertThat(rssItem("<title>x</title><description>Deskripsi</description><itunes:summary>Lain</itunes:summary>").summary())
                .isEqualTo("Deskripsi");
    }

    @Test
    void readsDublinCoreTermsDates() throws Exception {
        ItemDraft issued = rssItem("<title>x</title><dcterms:issued>2022-12-18T10:14:55Z</dcterms:issued>");
        assertThat(issued.publishedAt()).isEqualTo(Instant.parse("2022-12-18T10:14:55Z"));
        ItemDraft both = rssItem("<title>x</title><dcterms:issued>2022-12-18T10:14:55Z</dcterms:issued>"
                + "<dcterms:modified>2022-12-19T08:00:00Z</dcterms:modified>");
        assertThat(both.publishedAt()).isEqualTo(Instant.parse("2022-12-18T10:14:55Z"));
        assertThat(both.updatedAt()).isEqualTo(Instant.parse("2022-12-19T08:00:00Z"));
    }

    @Test
    void theLastOfSeveralDatesCounts() throws Exception {
        ItemDraft atom = atomEntry("xmlns=\"http://www.w3.org/2005/Atom\"",
                "<published>2022-11-01T00:00:00Z</published><updated>2022-12-19T10:14:55Z</updated><updated>2022-12-01T10:14:55Z</updated>");
        assertThat(atom.updatedAt()).isEqualTo(Instant.parse("2022-12-01T10:14:55Z"));
        ItemDraft atom03 = atomEntry("version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"",
                "<issued>Thu, 01 Dec 2022 19:48:21 GMT</issued><published>Sat, 17 Dec 2022 19:48:21 GMT</published>");
        assertThat(atom03.publishedAt()).isEqualTo(Instant.parse("2022-12-17T19:48:21Z"));
    }

    @Test
    void readsDcDateAsTheTimeOfChangeBesidePubDate() throws Exception {
        ItemDraft item = rssItem("<title>x</title><pubDate>Mon, 19 Dec 2022 10:00:00 EST</pubDate>"
                + "<dc:date>2022-12-20</dc:date>");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2022-12-19T15:00:00Z"));
        assertThat(item.updatedAt()).as("dc:date is the time of change, as feedparser reads it").isEqualTo(Instant.parse("2022-12-20T00:00:00Z"));
    }
}
