package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The newsroom's markers mean the same in its plain-text format and on its pages: a line that one parser
 * reads as a related article, a byline, a credit, a trailer or a dateline, the other reads so too.
 */
class MarkersInBothFormatsTest {

    private static final URI ADDRESS = URI.create("https://www.tribunnews.com/nasional/2023/01/05/judul");

    private final ArticleTextParser texts = new ArticleTextParser();
    private final HtmlArticleParser pages = new HtmlArticleParser();

    /** An article in the text format: headline, lede, dateline, then these lines and a closing paragraph. */
    private ArticleDraft text(String... lines) {
        return texts.parse("Judul Berita\nRingkasan berita.\nTRIBUNNEWS.COM - Paragraf pembuka.\n" + String.join("\n", lines)
                + "\nParagraf penutup.\n");
    }

    /** The same article as a page, each line in the element given. */
    private ArticleDraft page(String element, String... lines) {
        StringBuilder body = new StringBuilder("<p>TRIBUNNEWS.COM - Paragraf pembuka.</p>");
        for (String line : lines) {
            body.append('<').append(element).append('>').append(line).append("</").append(element).append('>');
        }
        return pages.parse("<html><head><meta property=\"og:title\" content=\"Judul Berita\"></head><body>"
                + "<div class=\"side-article txt-article\">" + body + "<p>Paragraf penutup.</p></div></body></html>", ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Baca juga: Judul Terkait", "Simak juga: Judul Terkait", "BACA JUGA - Judul Terkait",
            "Baca pula: Judul Terkait", "Simak Juga Judul Terkait", "Baca juga: “Judul Terkait”" })
    void aRelatedLineIsARelatedArticleInBothFormats(String line) {
        for (ArticleDraft draft : new ArticleDraft[] { text(line), page("p", line) }) {
            assertThat(draft.related()).containsExactly(new ArticleDraft.RelatedArticle("Judul Terkait", null));
            assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).text())
                    .isEqualTo("Paragraf pembuka. Paragraf penutup.");
        }
    }

    @Test
    void aRelatedLineWithoutATitleIsDroppedInBothFormats() {
        for (ArticleDraft draft : new ArticleDraft[] { text("Baca juga:"), page("p", "Baca juga:") }) {
            assertThat(draft.related()).isEmpty();
            assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).text()).isEqualTo("Paragraf pembuka. Paragraf penutup.");
        }
    }

    @Test
    void bylinesCreditAndTrailerAreFieldsInBothFormats() {
        String[] lines = { "Laporan Wartawan Tribunnews.com, Ilham Rian Pratama", "Penulis: Reza Deni", "Editor: Adi Suhendi",
                "(Tribunnews.com / Ilham)", "Artikel lain terkait Pemilu 2024." };
        for (ArticleDraft draft : new ArticleDraft[] { text(lines), page("p", lines) }) {
            assertThat(draft.byline().reporter()).isEqualTo("Ilham Rian Pratama");
            assertThat(draft.byline().author()).isEqualTo("Reza Deni");
            assertThat(draft.byline().editor()).isEqualTo("Adi Suhendi");
            assertThat(draft.byline().credit()).isEqualTo("Tribunnews.com/Ilham");
            assertThat(draft.topics()).containsExactly("Pemilu 2024");
            assertThat(draft.byline().publisher()).isEqualTo("Tribunnews.com");
            assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).text()).isEqualTo("Paragraf pembuka. Paragraf penutup.");
        }
    }

    @Test
    void aBylineThePageSetsAsAHeadingIsABylineAsItIsInText() {
        ArticleDraft draft = page("h4", "Editor: Adi Suhendi", "Laporan Koresponden Tribunnews.com, Ilham Rian Pratama");

        assertThat(draft.byline().editor()).isEqualTo("Adi Suhendi");
        assertThat(draft.byline().reporter()).isEqualTo("Ilham Rian Pratama");
        assertThat(draft.bodyHtml()).doesNotContain("<h3>");
    }

    @Test
    void aDatelineWithACityIsPublisherAndCityInBothFormats() {
        ArticleDraft fromText = texts.parse("Judul\nRingkasan.\nTRIBUN-TIMUR.COM, KOTA MAKASSAR – Hujan deras.\nIsi.\n");
        ArticleDraft fromPage = pages.parse("<html><body><div class=\"txt-article\"><p>TRIBUN-TIMUR.COM, KOTA MAKASSAR – "
                + "Hujan deras.</p><p>Isi.</p></div></body></html>", ADDRESS);
        for (ArticleDraft draft : new ArticleDraft[] { fromText, fromPage }) {
            assertThat(draft.byline().publisher()).isEqualTo("Tribun-timur.com");
            assertThat(draft.byline().city()).isEqualTo("Kota Makassar");
            assertThat(draft.bodyHtml()).startsWith("<p>Hujan deras.</p>");
        }
    }
}
