package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewsDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Senin, 19 Desember 2022 17:30 WIB | 2022-12-19T10:30:00Z",
            "Rabu, 4 Januari 2023 08:05 WITA | 2023-01-04T00:05:00Z",
            "Jumat, 3 Maret 2023 pukul 21.05 WIT | 2023-03-03T12:05:00Z",
            "Jum'at, 3 Mar 2023 21:05 | 2023-03-03T14:05:00Z",
            "Diperbarui: Sabtu, 17 Agt 2024, 07:00:15 WIB | 2024-08-17T00:00:15Z",
            "19 desember 2022 | 2022-12-18T17:00:00Z",
            "Minggu 1 Nop 2020 - 10:00 WIB | 2020-11-01T03:00:00Z" })
    void readsIndonesianDateText(String text, String expected) {
        assertThat(NewsDates.parseText(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "31 Februari 2022 10:00 WIB", "19 Decembre 2022", "Senin sore", "" })
    void findsNoDateInTextThatHasNone(String text) {
        assertThat(NewsDates.parseText(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-12-19T17:30:52+07:00 | 2022-12-19T10:30:52Z",
            "2022-12-19T17:30:52+0700 | 2022-12-19T10:30:52Z",
            "2022-12-19T10:30:52Z | 2022-12-19T10:30:52Z",
            "2022-12-19T17:30:52.123+07:00 | 2022-12-19T10:30:52.123Z",
            "2022-12-19 17:30:52 | 2022-12-19T10:30:52Z",
            "2022-12-19 | 2022-12-18T17:00:00Z" })
    void readsIsoDatesFromMetadataWithJakartaAsTheDefaultZone(String value, String expected) {
        assertThat(NewsDates.parseIso(value)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-12-19 | true",
            "2022-12-19T00:00:00+07:00 | false",
            "19 Desember 2022 | true",
            "Senin, 19 Desember 2022 00:00 WIB | false",
            "Senin, 19 Desember 2022 17:30 WIB | false" })
    void saysWhetherADateIsOnlyADay(String value, boolean dayOnly) {
        assertThat(NewsDates.readIso(value)).hasValueSatisfying(d -> {
            assertThat(d.dayOnly()).isEqualTo(dayOnly);
            assertThat(d.instant()).isEqualTo(NewsDates.parseIso(value).orElseThrow());
        });
    }

    @org.junit.jupiter.api.Test
    void aPageThatStatesOnlyADayIsReadAsADay() {
        HtmlArticleParser parser = new HtmlArticleParser();
        ArticleDraft metaDay = parser.parse("""
                <html><head><meta property="og:title" content="Judul Berita">
                <meta property="article:published_time" content="2022-12-19"></head>
                <body><article><p>Isi berita yang cukup panjang untuk menjadi paragraf pertama artikel ini.</p></article></body></html>""",
                null);
        assertThat(metaDay.publishedAt()).isEqualTo(Instant.parse("2022-12-18T17:00:00Z"));
        assertThat(metaDay.publishedDayOnly()).isTrue();

        ArticleDraft textDay = parser.parse("""
                <html><head><meta property="og:title" content="Judul Berita"></head>
                <body><article><p>TRIBUNNEWS.COM - Isi berita yang cukup panjang, Senin (19/12/2022), di Jakarta.</p></article></body></html>""",
                null);
        assertThat(textDay.publishedAt()).isEqualTo(Instant.parse("2022-12-18T17:00:00Z"));
        assertThat(textDay.publishedDayOnly()).isTrue();

        ArticleDraft timed = parser.parse("""
                <html><head><meta property="og:title" content="Judul Berita">
                <meta property="article:published_time" content="2022-12-19T17:30:00+07:00"></head>
                <body><article><p>Isi berita, Senin (19/12/2022).</p></article></body></html>""", null);
        assertThat(timed.publishedDayOnly()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theNewsroomTextStatesOnlyDays() {
        ArticleDraft dated = new ArticleTextParser().parse("Judul\nRingkasan.\nTRIBUNNEWS.COM - Isi, Senin (19/12/2022).\n");
        assertThat(dated.publishedDayOnly()).isTrue();
        ArticleDraft undated = new ArticleTextParser().parse("Judul\nRingkasan.\nIsi tanpa tanggal.\n");
        assertThat(undated.publishedAt()).isNull();
        assertThat(undated.publishedDayOnly()).as("no date is no day").isFalse();
    }
}
