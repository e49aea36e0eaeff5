package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;

/** The page parser's first stages on their own: the metadata read once, the address, and where the body is. */
class PageStagesTest {

    @Test
    void readsEachMetaByPropertyNameOrItempropIgnoringCaseAndBlankValues() {
        Document doc = Jsoup.parse("""
                <html><head>
                <meta property="OG:Title" content="  Judul Halaman ">
                <meta name="description" content="">
                <meta name="description" content="Ringkasan.">
                <meta itemprop="datePublished" content="2023-01-04T08:05:00+08:00">
                <meta property="article:tag" content="Banjir"><meta property="article:tag" content="Makassar">
                <link rel="canonical" href=""><link rel="canonical" href="https://situs.example/a">
                <link rel="Next" href=" /a?page=2 ">
                </head><body></body></html>""");

        PageMetadata meta = PageMetadata.read(doc);

        assertThat(meta.meta("og:title")).contains("Judul Halaman");
        assertThat(meta.meta("twitter:description", "description")).contains("Ringkasan.");
        assertThat(meta.meta("datePublished")).contains("2023-01-04T08:05:00+08:00");
        assertThat(meta.metas("article:tag")).containsExactly("Banjir", "Makassar");
        assertThat(meta.meta("keywords")).isEmpty();
        assertThat(meta.link("next")).contains("/a?page=2");
        assertThat(meta.link("canonical")).as("the first canonical link counts, and it names none").isEmpty();
        assertThat(meta.ld()).isEmpty();
    }

    @Test
    void aPastedPageIsWhereItsCanonicalAddressSays() {
        Document doc = Jsoup.parse(Fixtures.resource("pages/kabar-nusantara-gempa-cianjur.html"));

        PageAddress where = PageAddress.of(PageMetadata.read(doc), null);

        assertThat(where.canonical())
                .isEqualTo("https://kabarnusantara.example/nasional/gempa-susulan-guncang-cianjur-bmkg-minta-warga-waspada/");
        assertThat(where.base()).hasToString(where.canonical());
        assertThat(PageAddress.of(PageMetadata.read(Jsoup.parse("<p>x</p>")), URI.create("https://a.example/b?utm_source=x"))
                .canonical()).as("without a statement, the address read from").isEqualTo("https://a.example/b");
    }

    @Test
    void theBodyIsAKnownContainerThenJsonLdAsAFallback() {
        Document doc = Jsoup.parse(Fixtures.resource("pages/tribunnews-putin-belarusia.html"));

        var sources = BodyLocator.locate(doc, Optional.empty());

        assertThat(sources).singleElement().isInstanceOfSatisfying(BodyLocator.Markup.class,
                m -> assertThat(m.container().hasClass("txt-article")).isTrue());
    }

    @Test
    void aPageItsScriptsFillInIsReadFromJsonLdWithANote() {
        Document doc = Jsoup.parse("""
                <html><head><script type="application/ld+json">
                {"@type": "NewsArticle", "headline": "Judul", "articleBody": "Paragraf satu yang panjang.\\nParagraf dua."}
                </script></head><body><div id="app"><p>Memuat…</p></div></body></html>""");

        var sources = BodyLocator.locate(doc, PageMetadata.read(doc).ld());

        assertThat(sources).singleElement().isInstanceOfSatisfying(BodyLocator.PlainBody.class, plain -> {
            assertThat(plain.text()).startsWith("Paragraf satu");
            assertThat(plain.note()).contains("JSON-LD articleBody");
        });
    }
}
