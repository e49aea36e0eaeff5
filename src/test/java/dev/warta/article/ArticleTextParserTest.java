package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticleTextParserTest {

    private final ArticleTextParser parser = new ArticleTextParser();

    static String sample() throws IOException {
        try (InputStream in = ArticleTextParserTest.class.getClassLoader()
                .getResourceAsStream("samples/tribunnews-2022-12-19-putin-kunjungi-belarusia.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class TheSampleArticle {

        private final ArticleDraft draft;
        private final Document body;

        TheSampleArticle() throws IOException {
            draft = parser.parse(sample());
            body = Jsoup.parseBodyFragment(draft.bodyHtml());
        }

        @Test
        void takesTheFirstLineAsTitleAndTheSecondAsSummary() {
            assertThat(draft.title()).isEqualTo(
                    "Presiden Rusia Vladimir Putin Kunjungi Belarusia, Bahas Kerja Sama Militer dan Aliansi Rusia-Belarus");
            assertThat(draft.summary()).isEqualTo("Presiden Rusia Vladimir Putin kunjungi Presiden Belarusia Alexander "
                    + "Lukashenko untuk membahas kemitraan strategis dan aliansi di bidang militer.");
        }

        @Test
        void readsAuthorEditorAndPublisherWithoutCity() {
            assertThat(draft.byline().author()).isEqualTo("Yunita Rahmayanti");
            assertThat(draft.byline().editor()).isEqualTo("Whiesa Daniswara");
            assertThat(draft.byline().publisher()).isEqualTo("Tribunnews.com");
            assertThat(draft.byline().city()).isNull();
            assertThat(draft.byline().reporter()).isNull();
        }

        @Test
        void datesTheArticleOnTheFirstDateInJakartaTime() {
            OffsetDateTime published = draft.publishedAt().atOffset(ZoneOffset.ofHours(7));
            assertThat(published.toLocalDate()).isEqualTo(LocalDate.of(2022, 12, 19));
            assertThat(published.toLocalTime().toString()).isEqualTo("00:00");
        }

        @Test
        void startsTheBodyWithTheRestOfTheDateline() {
            assertThat(body.select("p").first().text()).isEqualTo(
                    "Presiden Rusia, Vladimir Putin mengunjungi Belarusia untuk menemui sekutunya, Presiden Alexander Lukashenko.");
        }

        @Test
        void findsTheThreeSubheadings() {
            assertThat(body.select("h2").eachText()).containsExactly(
                    "Latihan militer bersama",
                    "Belarusia ingin tingkatkan kerja sama militer",
                    "Kekhawatiran Ukraina");
        }

        @Test
        void listsTheBacaJugaTitlesInOrder() {
            assertThat(draft.related()).extracting(ArticleDraft.RelatedArticle::title).containsExactly(
                    "Infrastruktur Penting Ukraina Hancur Dihajar Drone Rusia, Zelensky Minta Warga Kabur",
                    "2 Warga Ukraina Ditangkap di Perbatasan Bulgaria Setelah Kedapatan Bawa 12 Kg Emas",
                    "Perdana Menteri Inggris Rishi Sunak Umumkan Bantuan Militer 304 Juta Dolar untuk Ukraina");
        }

        @Test
        void readsCreditAndTopic() {
            assertThat(draft.byline().credit()).isEqualTo("Tribunnews.com/Yunita Rahmayanti");
            assertThat(draft.topics()).containsExactly("Konflik Rusia VS Ukraina");
        }

        @Test
        void keepsBylinesRelatedLinksCreditAndTrailerOutOfTheBody() {
            String text = body.text();
            assertThat(text).doesNotContain("Penulis:", "Editor:", "Baca juga", "TRIBUNNEWS.COM", "(Tribunnews.com/",
                    "Artikel lain terkait", "Infrastruktur Penting Ukraina Hancur");
            assertThat(draft.bodyHtml()).doesNotContain("Presiden Rusia Vladimir Putin kunjungi Presiden Belarusia");
        }

        @Test
        void keepsQuotesAsWritten() {
            assertThat(body.text()).contains(
                    "“Dari pagi hingga senja malam –tidak ada satu detik pun kesunyian di tempat latihan Belarusia,” kata",
                    "\"Masalah utama akhir-akhir ini adalah masalah pertahanan dan keamanan,\" lanjutnya.");
        }

        @Test
        void keepsEveryParagraphInOrder() {
            assertThat(body.select("p")).hasSize(28);
            assertThat(body.select("p").last().text()).startsWith("Valery ykain Rusia sedang mempersiapkan 200.000");
            assertThat(body.body().children().eachText().indexOf("Latihan militer bersama"))
                    .isLessThan(body.body().children().eachText().indexOf("Kekhawatiran Ukraina"));
        }
    }

    @Nested
    class Variants {

        @Test
        void readsACityInTheDateline() {
            ArticleDraft draft = parser.parse("""
                    DPR Setujui RUU Anggaran
                    DPR menyetujui RUU anggaran tahun depan.
                    Penulis: Fersianus Waku
                    Editor: Adi Suhendi
                    TRIBUNNEWS.COM, JAKARTA - Rapat paripurna DPR menyetujui RUU anggaran, Kamis (5/1/2023).
                    Persetujuan diambil secara aklamasi.
                    Artikel lain terkait Politik
                    """);
            assertThat(draft.byline().publisher()).isEqualTo("Tribunnews.com");
            assertThat(draft.byline().city()).isEqualTo("Jakarta");
            assertThat(Jsoup.parseBodyFragment(draft.bodyHtml()).select("p").first().text())
                    .isEqualTo("Rapat paripurna DPR menyetujui RUU anggaran, Kamis (5/1/2023).");
            assertThat(draft.publishedAt()).isEqualTo(OffsetDateTime.parse("2023-01-05T00:00+07:00").toInstant());
            assertThat(draft.topics()).containsExactly("Politik");
        }

        @Test
        void readsAMultiWordCityAndAnEnDash() {
            ArticleDraft draft = parser.parse("""
                    Banjir Rendam Ratusan Rumah
                    Ratusan rumah terendam banjir.
                    TRIBUNNEWS.COM, BANDAR LAMPUNG – Hujan deras sejak Minggu (8/1/2023) malam membuat sungai meluap.
                    Warga mengungsi ke masjid terdekat.
                    """);
            assertThat(draft.byline().city()).isEqualTo("Bandar Lampung");
            assertThat(draft.bodyHtml()).startsWith("<p>Hujan deras sejak Minggu");
        }

        @Test
        void doesWithoutAnEditorLine() {
            ArticleDraft draft = parser.parse("""
                    Judul Tanpa Editor
                    Ringkasan berita.
                    Penulis: Yunita Rahmayanti
                    TRIBUNNEWS.COM - Paragraf pertama.
                    Paragraf kedua.
                    """);
            assertThat(draft.byline().author()).isEqualTo("Yunita Rahmayanti");
            assertThat(draft.byline().editor()).isNull();
        }

        @Test
        void takesTheReporterFromALaporanWartawanLine() {
            ArticleDraft draft = parser.parse("""
                    KPK Periksa Saksi Kasus Korupsi
                    KPK memeriksa tiga saksi.
                    Laporan Wartawan Tribunnews.com, Ilham Rian Pratama
                    TRIBUNNEWS.COM, JAKARTA - Komisi Pemberantasan Korupsi memeriksa tiga saksi, Selasa (10/1/2023).
                    Pemeriksaan berlangsung di Gedung Merah Putih.
                    """);
            assertThat(draft.byline().reporter()).isEqualTo("Ilham Rian Pratama");
            assertThat(draft.byline().author()).isEqualTo("Ilham Rian Pratama");
            assertThat(draft.bodyHtml()).doesNotContain("Laporan Wartawan");
        }

        @Test
        void keepsThePenulisAsAuthorWhenThereIsAlsoAReporter() {
            ArticleDraft draft = parser.parse("""
                    Judul
                    Ringkasan.
                    Laporan Wartawan Tribunnews.com, Reza Deni
                    Penulis: Reza Deni
                    Editor: Johnson Simanjuntak
                    TRIBUNNEWS.COM - Isi berita.
                    """);
            assertThat(draft.byline().author()).isEqualTo("Reza Deni");
            assertThat(draft.byline().editor()).isEqualTo("Johnson Simanjuntak");
            assertThat(draft.byline().reporter()).isEqualTo("Reza Deni");
        }

        @Test
        void readsTwoRelatedLines() {
            ArticleDraft draft = parser.parse("""
                    Judul
                    Ringkasan.
                    TRIBUNNEWS.COM - Paragraf satu.
                    Baca juga: Artikel Terkait Pertama
                    Paragraf dua.
                    BACA JUGA: Artikel Terkait Kedua
                    Paragraf tiga.
                    """);
            assertThat(draft.related()).extracting(ArticleDraft.RelatedArticle::title)
                    .containsExactly("Artikel Terkait Pertama", "Artikel Terkait Kedua");
        }

        @Test
        void readsFiveRelatedLinesInOrder() {
            StringBuilder text = new StringBuilder("Judul Panjang\nRingkasan.\nTRIBUNNEWS.COM - Pembuka.\n");
            for (int i = 1; i <= 5; i++) {
                text.append("Paragraf ").append(i).append(".\nBaca juga: Terkait nomor ").append(i).append('\n');
            }
            ArticleDraft draft = parser.parse(text.toString());
            assertThat(draft.related()).extracting(ArticleDraft.RelatedArticle::title)
                    .containsExactly("Terkait nomor 1", "Terkait nomor 2", "Terkait nomor 3", "Terkait nomor 4", "Terkait nomor 5");
            assertThat(draft.bodyHtml()).doesNotContain("Terkait nomor");
        }

        @Test
        void readsAnotherTopicAndTrimsTrailingPunctuation() {
            ArticleDraft draft = parser.parse("Judul\nRingkasan.\nTRIBUNNEWS.COM - Isi.\nArtikel lain terkait Pemilu 2024.\n");
            assertThat(draft.topics()).containsExactly("Pemilu 2024");
        }

        @Test
        void toleratesWindowsLineEndingsBlankLinesAndNoFinalNewline() throws IOException {
            String windows = sample().replace("\n", "\r\n\r\n").stripTrailing();
            ArticleDraft unix = parser.parse(sample());
            ArticleDraft draft = parser.parse(windows);
            assertThat(draft).isEqualTo(unix);
        }

        @Test
        void toleratesAByteOrderMarkAndNonBreakingSpaces() throws IOException {
            ArticleDraft draft = parser.parse("\uFEFF" + sample().replace("Penulis: ", "Penulis:\u00A0"));
            assertThat(draft).isEqualTo(parser.parse(sample()));
        }

        @Test
        void skipsImpossibleDates() {
            ArticleDraft draft = parser.parse("Judul\nRingkasan.\nTRIBUNNEWS.COM - Pada (31/02/2022) dan (1/3/2022).\n");
            assertThat(draft.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-03-01T00:00+07:00").toInstant());
        }

        @Test
        void leavesTheDateEmptyWhenTheTextHasNone() {
            assertThat(parser.parse("Judul\nRingkasan.\nIsi tanpa tanggal.\n").publishedAt()).isNull();
        }

        @Test
        void takesTheSummaryFromTheFirstParagraphWhenThereIsNoLede() {
            ArticleDraft draft = parser.parse("Judul\nPenulis: A\nTRIBUNNEWS.COM - Kalimat pembuka berita.\nKalimat lain.\n");
            assertThat(draft.summary()).isEqualTo("Kalimat pembuka berita.");
            assertThat(draft.byline().author()).isEqualTo("A");
        }

        @Test
        void doesNotTakeAShortFirstOrLastLineForASubheading() {
            ArticleDraft draft = parser.parse("Judul\nRingkasan.\nTRIBUNNEWS.COM - Pembuka.\nIsi.\nPenutup tanpa titik\n");
            assertThat(draft.bodyHtml()).doesNotContain("<h2>");
        }

        @Test
        void doesNotTakeAQuoteOrALongSentenceForASubheading() {
            ArticleDraft draft = parser.parse("""
                    Judul
                    Ringkasan.
                    TRIBUNNEWS.COM - Pembuka.
                    "Kami siap bekerja sama
                    Paragraf tengah.
                    Ini adalah sebuah baris yang cukup panjang tanpa tanda baca di akhir yang jelas bukan subjudul karena terlalu panjang
                    Paragraf akhir.
                    """);
            assertThat(draft.bodyHtml()).doesNotContain("<h2>");
        }

        @Test
        void escapesMarkupInTheText() {
            ArticleDraft draft = parser.parse("Judul <b>tebal</b>\nRingkasan.\nTRIBUNNEWS.COM - Isi <script>alert(1)</script> & lain.\n");
            assertThat(draft.bodyHtml()).contains("&lt;script&gt;").doesNotContain("<script>");
            assertThat(draft.title()).isEqualTo("Judul <b>tebal</b>");
        }
    }

    @Nested
    class Rejects {

        @Test
        void anEmptyText() {
            assertThatThrownBy(() -> parser.parse(" \r\n\n\t "))
                    .isInstanceOf(ArticleFormatException.class).hasMessageContaining("empty");
        }

        @Test
        void aBylineInPlaceOfTheHeadline() {
            assertThatThrownBy(() -> parser.parse("\n\nPenulis: Yunita\nTRIBUNNEWS.COM - Isi.\n"))
                    .isInstanceOf(ArticleFormatException.class)
                    .hasMessageContaining("headline")
                    .extracting(e -> ((ArticleFormatException) e).line()).isEqualTo(3);
        }

        @Test
        void aParagraphInPlaceOfTheHeadline() {
            String paragraph = "Kata ".repeat(80) + "akhir.";
            assertThatThrownBy(() -> parser.parse(paragraph + "\nIsi.\n"))
                    .isInstanceOf(ArticleFormatException.class).hasMessageContaining("characters long");
        }

        @Test
        void aHeadlineWithoutLettersOrDigits() {
            assertThatThrownBy(() -> parser.parse("!!!\nIsi.\n"))
                    .isInstanceOf(ArticleFormatException.class).hasMessageContaining("no letters");
        }
    }
}
