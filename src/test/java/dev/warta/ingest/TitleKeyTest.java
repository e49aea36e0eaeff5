package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleKeyTest {

    @Test
    void ignoresCaseSpacingAndPunctuation() {
        assertThat(TitleKey.of("Infrastruktur Penting Ukraina Hancur Dihajar Drone Rusia, Zelensky Minta Warga Kabur"))
                .isEqualTo(TitleKey.of("  infrastruktur penting ukraina hancur dihajar drone rusia zelensky   MINTA warga kabur!"))
                .isEqualTo("infrastruktur penting ukraina hancur dihajar drone rusia zelensky minta warga kabur");
    }

    @Test
    void ignoresAccentsAndTypographicQuotes() {
        assertThat(TitleKey.of("“Café” – Zelenskyy’s visit")).isEqualTo(TitleKey.of("cafe zelenskyy s visit"))
                .isEqualTo("cafe zelenskyy s visit");
        assertThat(TitleKey.of("Kyïv: «Señor» Müller—Çeşme")).isEqualTo("kyiv senor muller cesme");
    }

    @Test
    void keepsDigits() {
        assertThat(TitleKey.of("2 Warga Ditangkap, Bawa 12 Kg Emas")).isEqualTo("2 warga ditangkap bawa 12 kg emas");
    }
}
