package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCanonicalizerTest {

    @Test
    void dropsWhatDoesNotIdentifyTheArticle() {
        assertThat(LinkCanonicalizer.canonical("HTTPS://Berita.Example.COM:443/a/b?utm_source=rss&id=7&fbclid=x#komentar"))
                .isEqualTo("https://berita.example.com/a/b?id=7");
        assertThat(LinkCanonicalizer.canonical("http://example.com")).isEqualTo("http://example.com/");
        assertThat(LinkCanonicalizer.canonical("http://example.com:8080/x?utm_medium=a")).isEqualTo("http://example.com:8080/x");
    }

    @Test
    void keepsPathAndQueryCaseAndRejectsNonHttp() {
        assertThat(LinkCanonicalizer.canonical("https://example.com/Artikel?Id=A")).isEqualTo("https://example.com/Artikel?Id=A");
        assertThat(LinkCanonicalizer.canonical("mailto:x@example.com")).isNull();
        assertThat(LinkCanonicalizer.canonical("/relative")).isNull();
        assertThat(LinkCanonicalizer.canonical(null)).isNull();
    }
}
