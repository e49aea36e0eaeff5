package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.NOW;
import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.warta.LeadImage;
import dev.warta.ingest.ItemDraft;

/** Upstream items' lead images (issue 10, "Media"), each place aggregators look for one, as the reader finds them. */
class ItemImagesTest {

    private final FeedParser parser = new FeedParser();

    private Map<String, ItemDraft> items(byte[] feed, String url) throws FeedReadException {
        return parser.parse(feed, Optional.empty(), Optional.empty(), URI.create(url), NOW).items().stream()
                .collect(Collectors.toMap(ItemDraft::title, Function.identity()));
    }

    @Test
    void findsTheImageWhereverTheFeedPutsIt() throws Exception {
        Map<String, ItemDraft> items = items(fixture("images.xml"), "https://foto.example/feed/rss.xml");
        assertThat(items.get("Dari media content").image()).isEqualTo(new LeadImage("https://img.example/a.jpg", "image/jpeg",
                800, 450, "Sawah di Bali pagi hari", "Budi Santoso"));
        assertThat(items.get("Dari enclosure").image()).as("the image enclosure, not the audio, resolved against the feed")
                .isEqualTo(new LeadImage("https://foto.example/gambar/b.png", "image/png", null, null, null, null));
        assertThat(items.get("Dari img").image()).as("the first <img> but the counting pixel, against the item's address")
                .isEqualTo(new LeadImage("https://foto.example/berita/3/c.jpg?w=640&h=360", null, 640, 360, null, null));
        assertThat(items.get("Dari media group").image()).as("the group's image, not its video, with the group's metadata")
                .isEqualTo(new LeadImage("https://img.example/d.webp", "image/webp", 1200, 675, "Banjir di Jakarta", "Antara"));
        assertThat(items.get("Dari media thumbnail").image())
                .isEqualTo(new LeadImage("https://img.example/e-kecil.jpg", null, 120, 90, null, null));
        assertThat(items.get("Alamat yang ditolak").image()).as("data: and javascript: addresses are no image").isNull();
    }

    @Test
    void resolvesMediaAddressesAgainstXmlBaseInAtom() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"
                      xml:base="https://cdn.example/berita/">
                  <title>T</title><id>tag:t,1</id><updated>2023-01-01T00:00:00Z</updated>
                  <entry><id>tag:t,1:1</id><title>Satu</title><updated>2023-01-01T00:00:00Z</updated>
                    <link rel="enclosure" type="image/jpeg" href="foto/satu.jpg"/>
                    <media:thumbnail url="kecil/satu.jpg"/>
                  </entry>
                  <entry><id>tag:t,1:2</id><title>Dua</title><updated>2023-01-01T00:00:00Z</updated>
                    <link rel="enclosure" type="image/jpeg" href="foto/dua.jpg"/>
                  </entry>
                </feed>""";
        Map<String, ItemDraft> items = items(atom.getBytes(StandardCharsets.UTF_8), "https://t.example/atom.xml");
        assertThat(items.get("Satu").image().url()).isEqualTo("https://cdn.example/berita/kecil/satu.jpg");
        assertThat(items.get("Dua").image()).isEqualTo(new LeadImage("https://cdn.example/berita/foto/dua.jpg", "image/jpeg",
                null, null, null, null));
    }

    @Test
    void takesJsonFeedsImage() throws Exception {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "J",
                 "items": [{"id": "1", "title": "Satu", "url": "https://j.example/1", "image": "/img/satu.png",
                            "content_html": "<p>x</p>"},
                           {"id": "2", "title": "Dua", "content_html": "<img src='https://j.example/dua.jpg'>"}]}""";
        Map<String, ItemDraft> items = items(json.getBytes(StandardCharsets.UTF_8), "https://j.example/feed.json");
        assertThat(items.get("Satu").image().url()).isEqualTo("https://j.example/img/satu.png");
        assertThat(items.get("Dua").image().url()).isEqualTo("https://j.example/dua.jpg");
    }
}
