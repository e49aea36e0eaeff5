package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2023, 1, 10);

    @ParameterizedTest
    @CsvSource({
            "https://www.tribunnews.com/internasional/2022/12/20/zelensky-minta-warga-kabur, 2022-12-20",
            "https://nasional.kompas.com/read/2022/12/20/10150091/judul-berita, 2022-12-20",
            "https://news.okezone.com/read/2022/12/20/18/2729999/judul, 2022-12-20",
            "https://www.suara.com/news/2022/12/20/101500/judul, 2022-12-20",
            "https://www.tribunnews.com/regional/2023/1/5/judul, 2023-01-05",
            "https://www.cnnindonesia.com/internasional/20221217093000-134-889999/judul, 2022-12-17",
            "https://www.theguardian.com/world/2022/dec/20/ukraine-latest, 2022-12-20",
            "https://example.id/berita/2022-12-20/judul, 2022-12-20",
            "https://example.id/berita/judul-2022-12-20-lagi, 2022-12-20",
            "https://example.id/arsip/20221220/judul, 2022-12-20",
            "https://www.tribunnews.com/internasional/2023/01/10/hari-ini, 2023-01-10",
    })
    void readsTheDayANewsAddressStates(String url, LocalDate day) {
        assertThat(UrlDates.day(url, TODAY)).contains(day);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://news.detik.com/berita/d-6473829/judul-berita",
            "https://www.antaranews.com/berita/3312345/judul",
            "https://www.tribunnews.com/internasional/2022/12/judul-tanpa-hari",
            "https://www.tribunnews.com/internasional/2022/13/45/bukan-tanggal",
            "https://www.tribunnews.com/internasional/2023/01/11/besok",
            "https://example.id/1900/01/01/terlalu-tua",
            "https://example.id/berita?tanggal=2022/12/20",
            "https://sindonews.com/read/976543/40/judul-1671520000",
            "https://example.id/id/12345678/bukan-tanggal",
            "bukan alamat",
    })
    void findsNoDayWhereTheAddressStatesNone(String url) {
        assertThat(UrlDates.day(url, TODAY)).isEmpty();
    }
}
