package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warta.article.NewsroomMarkers.Credit;
import dev.warta.article.NewsroomMarkers.Dateline;
import dev.warta.article.NewsroomMarkers.Person;
import dev.warta.article.NewsroomMarkers.Related;
import dev.warta.article.NewsroomMarkers.Role;
import dev.warta.article.NewsroomMarkers.Text;
import dev.warta.article.NewsroomMarkers.Trailer;

/** The one classifier of a newsroom line, on every form of every marker and on text that only looks like one. */
class NewsroomMarkersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Baca juga: Zelensky Minta Warga Kabur      | Zelensky Minta Warga Kabur",
            "BACA JUGA : Zelensky Minta Warga Kabur     | Zelensky Minta Warga Kabur",
            "Baca Juga - Zelensky Minta Warga Kabur     | Zelensky Minta Warga Kabur",
            "Baca juga – Zelensky Minta Warga Kabur     | Zelensky Minta Warga Kabur",
            "Baca juga Zelensky Minta Warga Kabur       | Zelensky Minta Warga Kabur",
            "Simak juga: Zelensky Minta Warga Kabur     | Zelensky Minta Warga Kabur",
            "Baca pula: Zelensky Minta Warga Kabur      | Zelensky Minta Warga Kabur",
            "Simak Pula: Zelensky Minta Warga Kabur     | Zelensky Minta Warga Kabur",
            "Baca juga: \"Zelensky Minta Warga Kabur\"  | Zelensky Minta Warga Kabur",
            "Baca juga: “Zelensky Minta Warga Kabur”    | Zelensky Minta Warga Kabur",
            "Baca juga: «Zelensky Minta Warga Kabur»    | Zelensky Minta Warga Kabur",
            "Baca juga:                                 | -",
            "BACA JUGA                                  | -",
            "Baca juga: !!!                             | -" })
    void readsRelatedLines(String line, String title) {
        assertThat(NewsroomMarkers.classify(line.strip())).isEqualTo(new Related(title));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(Tribunnews.com/Yunita Rahmayanti)       | Tribunnews.com/Yunita Rahmayanti",
            "(Tribunnews.com / Yunita Rahmayanti)     | Tribunnews.com/Yunita Rahmayanti",
            "( Tribun-Timur.com/Muh Hasim Arfah )     | Tribun-Timur.com/Muh Hasim Arfah",
            "(Kompas.com/Reuters/AFP)                 | Kompas.com/Reuters/AFP" })
    void readsCreditLines(String line, String credit) {
        assertThat(NewsroomMarkers.classify(line.strip())).isEqualTo(new Credit(credit));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Artikel lain terkait Konflik Rusia VS Ukraina   | Konflik Rusia VS Ukraina",
            "artikel lain terkait: Pemilu 2024.               | Pemilu 2024",
            "ARTIKEL LAIN TERKAIT Banjir Makassar;            | Banjir Makassar",
            "Artikel lain terkait :                           | -" })
    void readsTrailerLines(String line, String topic) {
        assertThat(NewsroomMarkers.classify(line.strip())).isEqualTo(new Trailer(topic));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Penulis: Yunita Rahmayanti                               | AUTHOR   | Yunita Rahmayanti",
            "PENULIS : Yunita Rahmayanti                              | AUTHOR   | Yunita Rahmayanti",
            "Editor: Whiesa Daniswara                                 | EDITOR   | Whiesa Daniswara",
            "editor:Whiesa Daniswara                                  | EDITOR   | Whiesa Daniswara",
            "Laporan Wartawan Tribunnews.com, Ilham Rian Pratama      | REPORTER | Ilham Rian Pratama",
            "Laporan Reporter Tribun-Timur.com , Muh Hasim Arfah      | REPORTER | Muh Hasim Arfah",
            "Laporan Koresponden Tribunnews.com, Reza Deni            | REPORTER | Reza Deni" })
    void readsBylinesWithTheirRole(String line, Role role, String name) {
        assertThat(NewsroomMarkers.classify(line.strip())).isEqualTo(new Person(role, name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "TRIBUNNEWS.COM - Presiden Rusia tiba.                    | Tribunnews.com   | -              | Presiden Rusia tiba.",
            "TRIBUNNEWS.COM, JAKARTA - Rapat paripurna.               | Tribunnews.com   | Jakarta        | Rapat paripurna.",
            "TRIBUN-TIMUR.COM, KOTA MAKASSAR – Hujan deras.           | Tribun-timur.com | Kota Makassar  | Hujan deras.",
            "TRIBUNNEWS.COM, BANDAR LAMPUNG —Hujan.                   | Tribunnews.com   | Bandar Lampung | Hujan.",
            "TRIBUNNEWS.COM -                                         | Tribunnews.com   | -              | ''" })
    void readsDatelines(String line, String publisher, String city, String rest) {
        assertThat(NewsroomMarkers.classify(line.strip())).isEqualTo(new Dateline(publisher, city, rest));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Presiden Rusia Vladimir Putin tiba di Minsk.", "Baca bukunya juga, kata dia.",
            "Bacalah juga yang lain.", "(Catatan redaksi: artikel ini diperbarui)", "Editor yang baik menolak judul itu.",
            "Laporan Wartawan menyebut tiga saksi.", "Artikel lain menyebut hal serupa.", "Tribunnews.com - Isi.",
            "Latihan militer bersama" })
    void leavesOtherLinesAsText(String line) {
        assertThat(NewsroomMarkers.classify(line)).isEqualTo(new Text(line));
        assertThat(NewsroomMarkers.isMarker(line)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Baca juga: Judul Pertama           | Judul Pertama",
            "\"Judul Kedua\"                     | Judul Kedua",
            "  Judul   Ketiga                   | Judul Ketiga",
            "»                                  | -" })
    void takesARelatedTitleFromALinkText(String raw, String title) {
        assertThat(NewsroomMarkers.relatedTitle(raw).orElse(null)).isEqualTo(title);
    }
}
