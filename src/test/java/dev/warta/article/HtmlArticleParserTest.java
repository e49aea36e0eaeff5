package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;

/** The page parser on fixtures that imitate Tribunnews and a generic news site with JSON-LD, and on variants of them. */
class HtmlArticleParserTest {

    static final String TRIBUN = "pages/tribunnews-putin-belarusia.html";
    static final String TRIBUN_2 = "pages/tribunnews-putin-belarusia-page-2.html";
    static final String TIMUR = "pages/tribun-timur-banjir-makassar.html";
    static final String GENERIC = "pages/kabar-nusantara-gempa-cianjur.html";

    static final String TRIBUN_URL = "https://www.tribunnews.com/internasional/2022/12/19/"
            + "presiden-rusia-vladimir-putin-kunjungi-belarusia-bahas-kerja-sama-militer-dan-aliansi-rusia-belarus";

    private final HtmlArticleParser parser = new HtmlArticleParser();

    private static String page(String name) {
        return Fixtures.resource(name);
    }

    private ArticleDraft bothTribunPages() {
        var first = parser.parsePage(page(TRIBUN), URI.create(TRIBUN_URL));
        var second = parser.parsePage(page(TRIBUN_2), first.next());
        return parser.join(List.of(first, second));
    }

    @Test
    void readsEveryFieldOfATribunnewsPage() {
        HtmlArticleParser.Page page = parser.parsePage(page(TRIBUN), URI.create(TRIBUN_URL));

        assertThat(page.title()).isEqualTo(Fixtures.SAMPLE_TITLE);
        assertThat(page.summary()).startsWith("Presiden Rusia Vladimir Putin kunjungi Presiden Belarusia");
        assertThat(page.byline().author()).isEqualTo("Yunita Rahmayanti");
        assertThat(page.byline().editor()).isEqualTo("Whiesa Daniswara");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2022-12-19T10:30:52Z"));
        assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2022-12-19T11:02:11Z"));
        assertThat(page.canonicalUrl()).isEqualTo(TRIBUN_URL);
        assertThat(page.imageUrl()).isEqualTo("https://asset-2.tstatic.net/tribunnews/foto/bank/images/putin-lukashenko-minsk.jpg");
        assertThat(page.tags()).containsExactly("Vladimir Putin", "Belarusia", "Alexander Lukashenko");
        assertThat(page.byline().publisher()).isEqualTo("Tribunnews.com");
        assertThat(page.next()).hasToString(TRIBUN_URL + "?page=2");

        assertThat(page.related()).containsExactly(
                new ArticleDraft.RelatedArticle(Fixtures.BACA_JUGA[0], "https://www.tribunnews.com/internasional/2022/12/19/"
                        + "infrastruktur-penting-ukraina-hancur-dihajar-drone-rusia-zelensky-minta-warga-kabur"),
                new ArticleDraft.RelatedArticle(Fixtures.BACA_JUGA[1], "https://www.tribunnews.com/internasional/2022/12/18/"
                        + "2-warga-ukraina-ditangkap-di-perbatasan-bulgaria-setelah-kedapatan-bawa-12-kg-emas"));

        Document body = Jsoup.parseBodyFragment(page.bodyHtml());
        assertThat(body.select("p").first().text())
                .as("the dateline is the publisher, not body text")
                .isEqualTo("Presiden Rusia, Vladimir Putin mengunjungi Belarusia untuk menemui sekutunya, Presiden Alexander Lukashenko.");
        assertThat(body.select("h2").eachText()).containsExactly("Latihan militer bersama");
        assertThat(body.select("p em").eachText()).contains("The Moscow Times");
        assertThat(page.bodyHtml()).doesNotContain("googletag", "adsbygoogle", "<script", "<ins", "ads-placeholder",
                "Baca juga", "Halaman selanjutnya", "Bagikan", "Tampilkan semua", "Terpopuler", "Komentar", "class=");
        assertThat(body.text()).doesNotContain(Fixtures.BACA_JUGA[0]).doesNotContain("Penulis");
    }

    @Test
    void joinsBothPagesOfAMultiPageArticle() {
        ArticleDraft draft = bothTribunPages();

        assertThat(draft.title()).isEqualTo(Fixtures.SAMPLE_TITLE);
        assertThat(draft.url()).isEqualTo(TRIBUN_URL);
        Document body = Jsoup.parseBodyFragment(draft.bodyHtml());
        assertThat(body.select("h2").eachText()).containsExactly("Latihan militer bersama",
                "Belarusia ingin tingkatkan kerja sama militer", "Kekhawatiran Ukraina");
        assertThat(body.select("p").first().text()).startsWith("Presiden Rusia, Vladimir Putin mengunjungi Belarusia");
        assertThat(body.select("p").last().text()).startsWith("Valery ykain Rusia sedang mempersiapkan 200.000 pasukan");
        assertThat(draft.related()).as("page 2's link back to page 1 is not a related article; fragments are dropped")
                .extracting(ArticleDraft.RelatedArticle::title).containsExactly(Fixtures.BACA_JUGA);
        assertThat(draft.related()).extracting(ArticleDraft.RelatedArticle::url)
                .allSatisfy(url -> assertThat(url).startsWith("https://www.tribunnews.com/internasional/2022/12/")
                        .doesNotContain("utm_").doesNotContain("#"));
        assertThat(draft.byline().credit()).isEqualTo("Tribunnews.com/Yunita Rahmayanti");
        assertThat(draft.topics()).as("from the trailer on the last page").containsExactly(Fixtures.TOPIC_LABEL);
        assertThat(draft.bodyHtml()).doesNotContain("Artikel lain terkait", "Tribunnews.com/Yunita", "Halaman sebelumnya",
                "ads-placeholder");
    }

    @Test
    void readsEveryFieldOfAGenericPageFromItsJsonLdGraph() {
        ArticleDraft draft = parser.parse(page(GENERIC), null);

        assertThat(draft.title()).isEqualTo("Gempa Susulan Guncang Cianjur, BMKG Minta Warga Waspada");
        assertThat(draft.summary()).startsWith("BMKG mencatat 12 gempa susulan");
        assertThat(draft.byline().author()).isEqualTo("Rina Kartika, Dedi Supriadi");
        assertThat(draft.byline().editor()).isEqualTo("Agus Salim");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2022-11-22T02:15:00Z"));
        assertThat(draft.modifiedAt()).isEqualTo(Instant.parse("2022-11-22T04:40:00Z"));
        assertThat(draft.url()).isEqualTo("https://kabarnusantara.example/nasional/gempa-susulan-guncang-cianjur-bmkg-minta-warga-waspada/");
        assertThat(draft.imageUrl()).isEqualTo("https://kabarnusantara.example/media/2022/11/cianjur-gempa.jpg");
        assertThat(draft.tags()).containsExactly("Gempa Cianjur", "BMKG");
        assertThat(draft.topics()).as("no trailer: the first tag").containsExactly("Gempa Cianjur");
        assertThat(draft.byline().publisher()).isEqualTo("Kabar Nusantara");
        assertThat(draft.related()).containsExactly(new ArticleDraft.RelatedArticle(
                "Posko Pengungsian Cianjur Butuh Selimut dan Air Bersih",
                "https://kabarnusantara.example/nasional/bencana/posko-pengungsian-cianjur-butuh-selimut-dan-air-bersih/"));

        Document body = Jsoup.parseBodyFragment(draft.bodyHtml());
        assertThat(body.select("p").eachText()).hasSize(4).first().asString().startsWith("Badan Meteorologi");
        assertThat(body.select("figure img").attr("src")).isEqualTo("https://kabarnusantara.example/media/2022/11/tenda.jpg");
        assertThat(draft.bodyHtml()).doesNotContain("loadAd", "Iklan", "Baca juga", "Harga beras", "WhatsApp", "<script");
    }

    @Test
    void readsARegionalTribunPageWithOtherMarkup() {
        URI address = URI.create("https://makassar.tribunnews.com/makassar/2023/01/04/banjir");
        ArticleDraft draft = parser.parse(page(TIMUR), address);

        assertThat(draft.title()).as("no og:title: the h1").isEqualTo("Banjir Rendam Ratusan Rumah di Makassar, Warga Mengungsi ke Masjid");
        assertThat(draft.byline().author()).isEqualTo("Muh Hasim Arfah");
        assertThat(draft.byline().reporter()).isEqualTo("Muh Hasim Arfah");
        assertThat(draft.byline().editor()).isEqualTo("Sakinah Sudin");
        assertThat(draft.publishedAt()).as("Rabu, 4 Januari 2023 08:05 WITA").isEqualTo(Instant.parse("2023-01-04T00:05:00Z"));
        assertThat(draft.byline().city()).isEqualTo("Makassar");
        assertThat(draft.byline().publisher()).isEqualTo("Tribun-timur.com");
        assertThat(draft.byline().credit()).isEqualTo("Tribun-Timur.com/Muh Hasim Arfah");
        assertThat(draft.url()).isEqualTo("https://makassar.tribunnews.com/makassar/2023/01/04/"
                + "banjir-rendam-ratusan-rumah-di-makassar-warga-mengungsi-ke-masjid");
        assertThat(draft.imageUrl()).isEqualTo("https://makassar.tribunnews.com/foto/bank/images/banjir-manggala.jpg");
        assertThat(draft.tags()).containsExactly("Banjir Makassar", "Manggala");
        assertThat(draft.related()).containsExactly(
                new ArticleDraft.RelatedArticle("BMKG Peringatkan Cuaca Ekstrem di Sulsel hingga Akhir Pekan",
                        "https://makassar.tribunnews.com/makassar/2023/01/03/bmkg-peringatkan-cuaca-ekstrem-di-sulsel-hingga-akhir-pekan"),
                new ArticleDraft.RelatedArticle("Wali Kota Makassar Tinjau Posko Pengungsian Banjir", null));

        Document body = Jsoup.parseBodyFragment(draft.bodyHtml());
        assertThat(body.select("p").first().text()).startsWith("Hujan deras sejak Selasa (3/1/2023) malam");
        assertThat(body.select("p").eachText()).hasSize(4);
        assertThat(body.select("p br")).as("a line break inside a paragraph stays").hasSize(1);
        assertThat(draft.bodyHtml()).doesNotContain("Laporan Wartawan", "Langganan", "BACA JUGA", "fb", "Tribun-Timur.com/");
    }

    @Test
    void withoutItsAddressAPageWithRelativeLinksKeepsTitlesAndSaysWhatIsMissing() {
        HtmlArticleParser.Page page = parser.parsePage(page(TIMUR), null);

        assertThat(page.canonicalUrl()).isNull();
        assertThat(page.imageUrl()).isNull();
        assertThat(page.related()).extracting(ArticleDraft.RelatedArticle::url).containsOnlyNulls();
        assertThat(page.notes()).anySatisfy(n -> assertThat(n).contains("?url="));
    }

    @Test
    void fallsBackFromOgTitleAndMetaDatesToTheHeadlineAndTheIndonesianDateText() {
        Document doc = Jsoup.parse(page(TRIBUN));
        doc.select("meta[property^=og:], meta[property^=article:], link[rel=canonical], h1").remove();
        doc.selectFirst("time").text("Jumat, 3 Maret 2023 pukul 21.05 WIT");
        doc.selectFirst(".main").prependElement("h1").text("Judul Lain dari Judul Halaman");

        HtmlArticleParser.Page parsed = parser.parsePage(doc.outerHtml(), URI.create("https://www.tribunnews.com/x/1"));

        assertThat(parsed.title()).isEqualTo("Judul Lain dari Judul Halaman");
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2023-03-03T12:05:00Z"));
        assertThat(parsed.modifiedAt()).isNull();
        assertThat(parsed.canonicalUrl()).as("the page's own address").isEqualTo("https://www.tribunnews.com/x/1");
        assertThat(parsed.summary()).as("meta description").startsWith("Presiden Rusia Vladimir Putin kunjungi");
    }

    @Test
    void withoutJsonLdTakesTheTimeElementMetaAuthorAndH1() {
        Document doc = Jsoup.parse(page(GENERIC));
        doc.select("script[type=application/ld+json]").remove();
        doc.head().appendElement("meta").attr("name", "author").attr("content", "Rina Kartika");
        doc.head().appendElement("meta").attr("name", "description").attr("content", "Ringkasan dari meta description.");

        ArticleDraft draft = parser.parse(doc.outerHtml(), null);

        assertThat(draft.title()).isEqualTo("Gempa Susulan Guncang Cianjur, BMKG Minta Warga Waspada");
        assertThat(draft.byline().author()).isEqualTo("Rina Kartika");
        assertThat(draft.summary()).isEqualTo("Ringkasan dari meta description.");
        assertThat(draft.publishedAt()).as("<time datetime>").isEqualTo(Instant.parse("2022-11-22T02:15:00Z"));
        assertThat(draft.byline().editor()).isNull();
        assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).select("p")).hasSize(4);
    }

    @Test
    void stripsTheSiteNameFromTheTitleTag() {
        Document doc = Jsoup.parse(page(TRIBUN));
        doc.select("meta[property=og:title], h1").remove();
        assertThat(parser.parsePage(doc.outerHtml(), null).title()).isEqualTo(Fixtures.SAMPLE_TITLE);
    }

    @Test
    void usesJsonLdArticleBodyWhenThePageHasNoParagraphs() {
        String html = """
                <html><head><script type="application/ld+json">
                [{"@type": "WebSite", "name": "Contoh"},
                 {"@type": ["ReportageNewsArticle"], "headline": "Harga Cabai Naik &amp; Warga Mengeluh",
                  "author": "Siti Aminah", "datePublished": "2023-02-01T06:00:00+0700",
                  "image": ["https://contoh.example/cabai.jpg", "https://contoh.example/cabai-2.jpg"],
                  "keywords": "harga cabai, inflasi",
                  "articleBody": "Harga cabai rawit naik dua kali lipat di Pasar Senen.
                Baca juga: Inflasi Januari Tertinggi dalam Setahun
                Pedagang menyebut pasokan dari Jawa Tengah berkurang.",
                  }]
                </script></head><body><div id="app"></div></body></html>
                """;
        ArticleDraft draft = parser.parse(html, URI.create("https://contoh.example/berita/cabai"));

        assertThat(draft.title()).isEqualTo("Harga Cabai Naik & Warga Mengeluh");
        assertThat(draft.byline().author()).isEqualTo("Siti Aminah");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2023-01-31T23:00:00Z"));
        assertThat(draft.imageUrl()).isEqualTo("https://contoh.example/cabai.jpg");
        assertThat(draft.tags()).containsExactly("harga cabai", "inflasi");
        assertThat(draft.related()).containsExactly(new ArticleDraft.RelatedArticle("Inflasi Januari Tertinggi dalam Setahun", null));
        assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).select("p").eachText()).containsExactly(
                "Harga cabai rawit naik dua kali lipat di Pasar Senen.", "Pedagang menyebut pasokan dari Jawa Tengah berkurang.");
        assertThat(draft.url()).isEqualTo("https://contoh.example/berita/cabai");
    }

    @Test
    void readsBacaJugaWrittenInOtherWays() {
        String html = """
                <html><body><div class="txt-article">
                <p>Paragraf pertama yang cukup panjang untuk menjadi isi berita ini.</p>
                <div class="baca-juga related-box"><span>BACA JUGA :</span> <a href="/a/1">&quot;Judul Pertama&quot;</a></div>
                <p><strong>Baca Juga</strong> - <a href="https://lain.example/b/2?utm_source=x&amp;id=7#top">Judul Kedua</a></p>
                <blockquote>Baca juga: <a href="/c/3">Judul Ketiga</a></blockquote>
                <p>Paragraf kedua.<br><br>Paragraf ketiga.</p>
                Teks lepas tanpa paragraf.<br><br>Teks lepas kedua.
                </div></body></html>
                """;
        ArticleDraft draft = parser.parse(html, URI.create("https://situs.example/berita/9"));

        assertThat(draft.related()).containsExactly(
                new ArticleDraft.RelatedArticle("Judul Pertama", "https://situs.example/a/1"),
                new ArticleDraft.RelatedArticle("Judul Kedua", "https://lain.example/b/2?id=7"),
                new ArticleDraft.RelatedArticle("Judul Ketiga", "https://situs.example/c/3"));
        assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).text()).doesNotContainIgnoringCase("baca juga")
                .contains("Teks lepas tanpa paragraf.", "Teks lepas kedua.");
    }

    @Test
    void neverKeepsScriptsOrEventHandlersFromThePage() {
        String html = """
                <html><body><div class="side-article txt-article">
                <p onclick="steal()">Isi <a href="javascript:alert(1)">tautan</a> <img src="x" onerror="alert(1)"> aman.</p>
                <script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe>
                </div></body></html>
                """;
        ArticleDraft draft = parser.parse(html, URI.create("https://situs.example/a"));
        assertThat(draft.bodyHtml()).doesNotContain("onclick", "javascript", "onerror", "<script", "<style", "<iframe")
                .contains("tautan");
    }
}
