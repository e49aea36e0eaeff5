package dev.warta.publish;

import static dev.warta.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Past {@code warta.publish.sitemap-max-urls} URLs (3 here, 50,000 by default) sitemap.xml is an index of pages. */
@QuarkusTest
@TestProfile(SitemapIndexTest.ThreeUrls.class)
class SitemapIndexTest {

    public static class ThreeUrls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warta.publish.sitemap-max-urls", "3");
        }
    }

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    List<Long> ids = new ArrayList<>();

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    @BeforeEach
    void seed() {
        db.clear();
        // Home + 1 topic + 6 articles + 1 stub (not listed) = 8 URLs: pages of 3, 3 and 2.
        String[] titles = { "Pasar Pagi Ramai Menjelang Lebaran", "Harga Beras Turun di Pasar Induk",
                "Kereta Cepat Tambah Jadwal Akhir Pekan", "Sekolah Dibuka Kembali Setelah Libur",
                "Bandara Baru Mulai Beroperasi Bulan Depan", "Festival Kuliner Digelar di Alun-alun" };
        for (int i = 0; i < titles.length; i++) {
            ids.add(SitemapTest.postArticle(titles[i], Instant.now().minusSeconds(3600L * (i + 1)), List.of("Kota"),
                    i == 0 ? List.of("Judul Artikel Terkait yang Belum Ada") : List.of()));
        }
    }

    @Test
    void pastTheBoundSitemapIsAnIndexOfPagesThatHoldEveryUrlOnce() {
        SitemapXml index = new SitemapXml(get(base() + "/sitemap.xml").body());
        assertThat(index.doc.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.doc.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapXml.SITEMAP_NS);
        assertThat(index.texts("/s:sitemapindex/s:sitemap/s:loc")).containsExactly(base() + "/sitemap.xml?page=1",
                base() + "/sitemap.xml?page=2", base() + "/sitemap.xml?page=3");

        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            var response = get(base() + "/sitemap.xml?page=" + page);
            assertThat(response.statusCode()).isEqualTo(200);
            SitemapXml xml = new SitemapXml(response.body());
            assertThat(xml.doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
            List<String> locs = xml.texts("/s:urlset/s:url/s:loc");
            assertThat(locs).as("page " + page).hasSizeBetween(1, 3);
            listed.addAll(locs);
        }
        List<String> expected = new ArrayList<>(List.of(base() + "/", base() + "/topics/kota"));
        ids.forEach(id -> expected.add(base() + "/entries/" + id));
        assertThat(listed).as("home, the topic, then the articles by id").containsExactlyElementsOf(expected);
        assertThat(get(base() + "/sitemap.xml?page=4").statusCode()).isEqualTo(404);
    }
}
