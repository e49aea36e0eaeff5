package dev.warta.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.rome.feed.synd.SyndEntry;

import dev.warta.FeedReader;
import dev.warta.LeadImage;

/**
 * The Atom and RSS writers carry an entry's lead image as Media RSS, read back with Rome's module; what is not known
 * (type, size, caption, credit) is left out rather than written empty.
 */
class MediaRssWriterTest {

    static PublishedFeed feed(LeadImage image) {
        PublishedFeed.PublishedEntry entry = new PublishedFeed.PublishedEntry("urn:uuid:1", "Judul", "https://w.example/entries/1",
                Instant.parse("2022-12-19T03:00:00Z"), Instant.parse("2022-12-19T03:00:00Z"), "Penulis", List.of(), "Ringkas",
                "<p>Isi</p>", List.of(), List.of(), false, List.of(), image, null);
        return new PublishedFeed("urn:uuid:f", "Feed", "Sub", Instant.parse("2022-12-19T03:00:00Z"), "https://w.example",
                "/feeds/all", "https://w.example/", "id", "Warta", List.of(entry), List.of(), PublishedFeed.Paging.SINGLE);
    }

    private static SyndEntry readBack(byte[] xml) {
        return FeedReader.synd(xml).getEntries().get(0);
    }

    private static MediaEntryModule media(SyndEntry entry) {
        assertThat(entry.getModule(MediaModule.URI)).as("Media RSS on the entry").isInstanceOf(MediaEntryModule.class);
        return (MediaEntryModule) entry.getModule(MediaModule.URI);
    }

    private static void assertFullImage(byte[] xml) {
        MediaEntryModule media = media(readBack(xml));
        assertThat(media.getMediaContents()).hasSize(1);
        MediaContent content = media.getMediaContents()[0];
        assertThat(content.getReference()).hasToString("https://img.example/a.jpg");
        assertThat(content.getMedium()).isEqualTo("image");
        assertThat(content.getType()).isEqualTo("image/jpeg");
        assertThat(content.getWidth()).isEqualTo(800);
        assertThat(content.getHeight()).isEqualTo(450);
        assertThat(content.getMetadata().getDescription()).isEqualTo("Sawah di Bali");
        assertThat(content.getMetadata().getDescriptionType()).isEqualTo("plain");
        assertThat(content.getMetadata().getCredits()).singleElement()
                .satisfies(c -> assertThat(c.getName()).isEqualTo("Budi Santoso"));
        assertThat(media.getMetadata().getThumbnail()).singleElement().satisfies(t -> {
            assertThat(t.getUrl()).hasToString("https://img.example/a.jpg");
            assertThat(t.getWidth()).isEqualTo(800);
            assertThat(t.getHeight()).isEqualTo(450);
        });
    }

    @Test
    void writesTheLeadImageAsMediaContentAndThumbnailInRssAndAtom() {
        PublishedFeed feed = feed(new LeadImage("https://img.example/a.jpg", "image/jpeg", 800, 450, "Sawah di Bali", "Budi Santoso"));
        assertFullImage(new RssWriter().write(feed));
        assertFullImage(new AtomWriter().write(feed));
    }

    @Test
    void leavesOutWhatIsNotKnownInsteadOfWritingItEmpty() {
        PublishedFeed feed = feed(LeadImage.of("https://img.example/foto?id=7"));
        for (byte[] xml : List.of(new RssWriter().write(feed), new AtomWriter().write(feed))) {
            String text = new String(xml, StandardCharsets.UTF_8);
            assertThat(text).contains("<media:content medium=\"image\" url=\"https://img.example/foto?id=7\" />")
                    .contains("<media:thumbnail url=\"https://img.example/foto?id=7\" />")
                    .doesNotContain("=\"\"").doesNotContain("media:description").doesNotContain("media:credit");
            MediaContent content = media(readBack(xml)).getMediaContents()[0];
            assertThat(content.getType()).as("a type only when known").isNull();
            assertThat(content.getWidth()).isNull();
        }
    }

    @Test
    void aTypeTheFileNameTellsIsKnown() {
        PublishedFeed feed = feed(LeadImage.of("https://img.example/b.PNG?w=10"));
        assertThat(media(readBack(new AtomWriter().write(feed))).getMediaContents()[0].getType()).isEqualTo("image/png");
    }

    @Test
    void anEntryWithoutImageHasNoMediaRss() {
        String rss = new String(new RssWriter().write(feed(null)), StandardCharsets.UTF_8);
        assertThat(rss).doesNotContain("<media:").doesNotContain("<enclosure");
        assertThat(readBack(new AtomWriter().write(feed(null))).getModule(MediaModule.URI)).isNull();
    }
}
