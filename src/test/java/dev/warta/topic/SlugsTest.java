package dev.warta.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowercasesAndHyphenates() {
        assertThat(Slugs.of("Konflik Rusia VS Ukraina")).isEqualTo("konflik-rusia-vs-ukraina");
    }

    @Test
    void foldsAccentsAndDropsPunctuation() {
        assertThat(Slugs.of("  Pemilu 2024: Capres & Cawapres — Édisi Khusus! ")).isEqualTo("pemilu-2024-capres-cawapres-edisi-khusus");
    }

    @Test
    void isEmptyWithoutLettersOrDigits() {
        assertThat(Slugs.of("!!! ---")).isEmpty();
    }
}
