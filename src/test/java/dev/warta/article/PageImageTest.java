package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.warta.LeadImage;

/** A news page's lead image with what the page states of it: Open Graph's properties, else the JSON-LD ImageObject. */
class PageImageTest {

    private static final URI ADDRESS = URI.create("https://kabar.example/2022/12/21/panen-raya");
    private final HtmlArticleParser parser = new HtmlArticleParser();

    private LeadImage image(String head) {
        String html = "<html><head><title>Panen Raya di Jatiluwih</title>" + head + "</head><body><article><h1>Panen Raya di Jatiluwih</h1>"
                + "<p>Petani di Jatiluwih memanen padi bersama-sama pada Rabu pagi, menandai akhir musim tanam.</p>"
                + "<p>Panen tahun ini lebih baik daripada tahun lalu, kata ketua subak.</p></article></body></html>";
        return parser.parse(html, ADDRESS).image();
    }

    @Test
    void openGraphGivesTypeSizeAndAltText() {
        LeadImage image = image("""
                <meta property="og:image" content="/foto/jatiluwih.jpg">
                <meta property="og:image:type" content="image/jpeg">
                <meta property="og:image:width" content="1280"><meta property="og:image:height" content="720">
                <meta property="og:image:alt" content="Petani memanen padi di Jatiluwih">""");
        assertThat(image).isEqualTo(new LeadImage("https://kabar.example/foto/jatiluwih.jpg", "image/jpeg", 1280, 720,
                "Petani memanen padi di Jatiluwih", null));
    }

    @Test
    void theJsonLdImageObjectOfTheSameImageGivesSizeCaptionAndCredit() {
        LeadImage image = image("""
                <meta property="og:image" content="https://kabar.example/foto/jatiluwih.jpg">
                <script type="application/ld+json">{"@graph": [
                  {"@type": "NewsArticle", "headline": "Panen Raya di Jatiluwih", "image": {"@id": "https://kabar.example/#primaryimage"}},
                  {"@type": "ImageObject", "@id": "https://kabar.example/#primaryimage",
                   "url": "https://kabar.example/foto/jatiluwih.jpg", "width": 1280, "height": "720px",
                   "caption": "Petani memanen padi di &lt;b&gt;Jatiluwih&lt;/b&gt;", "creditText": "Made Wirya/Kabar"}]}
                </script>""");
        assertThat(image).isEqualTo(new LeadImage("https://kabar.example/foto/jatiluwih.jpg", null, 1280, 720,
                "Petani memanen padi di Jatiluwih", "Made Wirya/Kabar"));
    }

    @Test
    void aJsonLdImageAloneWithQuantitativeSizesAndAnAuthor() {
        LeadImage image = image("""
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Panen Raya di Jatiluwih",
                  "image": [{"@type": "ImageObject", "url": "https://cdn.kabar.example/jatiluwih.webp", "encodingFormat": "image/webp",
                    "width": {"@type": "QuantitativeValue", "value": 1600}, "height": {"@type": "QuantitativeValue", "value": "900"},
                    "author": {"@type": "Person", "name": "Made Wirya"}}]}
                </script>""");
        assertThat(image).isEqualTo(new LeadImage("https://cdn.kabar.example/jatiluwih.webp", "image/webp", 1600, 900, null,
                "Made Wirya"));
    }

    @Test
    void anImageObjectOfAnotherImageSaysNothingOfTheLeadImage() {
        LeadImage image = image("""
                <meta property="og:image" content="https://kabar.example/foto/sampul.jpg">
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Panen Raya di Jatiluwih",
                  "image": {"@type": "ImageObject", "url": "https://kabar.example/foto/lain.jpg", "width": 300, "caption": "Lain"}}
                </script>""");
        assertThat(image).isEqualTo(LeadImage.of("https://kabar.example/foto/sampul.jpg"));
    }

    @Test
    void nonsenseSizesAreLeftOut() {
        LeadImage image = image("""
                <meta property="og:image" content="https://kabar.example/foto/jatiluwih.jpg">
                <meta property="og:image:width" content="lebar"><meta property="og:image:height" content="0">
                <meta property="og:image:type" content="text/html">""");
        assertThat(image).isEqualTo(LeadImage.of("https://kabar.example/foto/jatiluwih.jpg"));
    }
}
