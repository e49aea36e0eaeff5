package dev.warta.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://WWW.Tribunnews.com/a/b?utm_source=x&page=2#top | https://www.tribunnews.com/a/b?page=2",
            "http://situs.example:80/a?fbclid=1 | http://situs.example/a",
            "https://situs.example:8443 | https://situs.example:8443/",
            "https://situs.example/a b | https://situs.example/a%20b" })
    void normalisesAddresses(String raw, String expected) {
        assertThat(PageUrls.normalize(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "mailto:a@b.c", "/relatif", "ftp://x.example/a", "https://user:pw@x.example/" })
    void refusesWhatIsNotAnAbsoluteWebAddress(String raw) {
        assertThat(PageUrls.normalize(raw)).isEmpty();
    }

    @Test
    void resolvesRelativeLinksAgainstThePage() {
        URI base = URI.create("https://situs.example/nasional/berita/");
        assertThat(PageUrls.resolve(base, "../lain")).contains("https://situs.example/nasional/lain");
        assertThat(PageUrls.resolve(base, "?page=2")).contains("https://situs.example/nasional/berita/?page=2");
        assertThat(PageUrls.resolve(null, "/a")).isEmpty();
    }
}
