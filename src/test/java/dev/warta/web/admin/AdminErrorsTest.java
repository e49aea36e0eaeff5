package dev.warta.web.admin;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.web.admin.AdminPageTest.page;
import static dev.warta.web.admin.AdminPageTest.post;
import static dev.warta.web.admin.AdminPageTest.signIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeNewsSite;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** Every problem the editor page shows is worded in Indonesian, title and detail, though the API's stay English. */
@QuarkusTest
class AdminErrorsTest {

    /** Words of the API's English details; none may be left in what the page shows (addresses and settings aside). */
    private static final Pattern ENGLISH = Pattern.compile(
            "(?i)\\b(the|is|not|an?|of|to|failed|could|refused|refuses|unknown|host|page|answered|resolves|fetch|fetching|"
                    + "connection|headline|must|but|guard|which|network)\\b");
    private static final Pattern NOT_WORDS = Pattern.compile("\\S+://\\S+|warta\\.[a-z.-]+|\"[^\"]*\"");
    private static final Set<String> TITLES = Set.of("Isian tidak valid", "Tidak ditemukan", "Bertentangan dengan entri yang ada",
            "Terlalu besar", "Jenis isi tidak didukung", "Tidak dapat diproses", "Situs tidak dapat dihubungi",
            "Bukan artikel dalam format teks redaksi");

    static FakeNewsSite site;

    @Inject
    TestDatabase db;

    @BeforeAll
    static void startSite() {
        site = new FakeNewsSite();
        site.serve("/data.json", 200, "application/json", "{}");
        site.serve("/rusak", 503, "text/html", "<html><body>sedang perbaikan</body></html>");
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    /** The error box, checked to be Indonesian; returns its detail. */
    static String error(Document page) {
        String title = page.select("#error strong").text();
        String detail = page.select("#error .detail").text();
        assertThat(TITLES).as("title").contains(title);
        assertThat(ENGLISH.matcher(NOT_WORDS.matcher(detail).replaceAll(" ")).find()).as("English left in: " + detail).isFalse();
        return detail;
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void problemsFetchingAPageAreSaidInIndonesian() throws IOException {
        AdminPageTest.Editor editor = signIn();
        String unknown = error(page(post(editor, "/admin/preview", Map.of("url", "http://tidak-ada.invalid/berita")), 422));
        assertThat(unknown).isEqualTo("Nama situs tidak-ada.invalid tidak dikenal: DNS tidak menemukannya. Periksa alamatnya.");

        String closed = error(page(post(editor, "/admin/preview", Map.of("url", "http://127.0.0.1:" + closedPort() + "/x")), 502));
        assertThat(closed).startsWith("Situs 127.0.0.1 tidak dapat dihubungi (sambungan gagal)");

        String guarded = error(page(post(editor, "/admin/preview", Map.of("url", "http://10.1.2.3/berita")), 422));
        assertThat(guarded).startsWith("Warta tidak mengambil http://10.1.2.3/berita: alamatnya berada di jaringan yang dijaga");

        String missing = error(page(post(editor, "/admin/preview", Map.of("url", site.url("/tidak-ada"))), 422));
        assertThat(missing).isEqualTo("Halaman di " + site.url("/tidak-ada") + " tidak ada (HTTP 404).");

        String broken = error(page(post(editor, "/admin/preview", Map.of("url", site.url("/rusak"))), 502));
        assertThat(broken).startsWith("Situs 127.0.0.1 sedang bermasalah (HTTP 503)");

        String json = error(page(post(editor, "/admin/preview", Map.of("url", site.url("/data.json"))), 422));
        assertThat(json).isEqualTo(site.url("/data.json") + " bukan halaman HTML (jenisnya application/json).");
    }

    @Test
    void problemsWithAPasteAreSaidInIndonesian() {
        AdminPageTest.Editor editor = signIn();
        String marker = error(page(post(editor, "/admin/preview", Map.of("content", "Baca juga: Berita Lain\nIsi.")), 400));
        assertThat(marker).startsWith("Baris pertama harus judul, tetapi isinya");

        String noWords = error(page(post(editor, "/admin/preview", Map.of("content", "!!!\nIsi berita.")), 400));
        assertThat(noWords).isEqualTo("Judul \"!!!\" tidak berisi huruf atau angka.");

        String noTitle = error(page(post(editor, "/admin/preview", Map.of("content", "<html><body><p>isi saja</p></body></html>")),
                400));
        assertThat(noTitle).startsWith("Halaman ini tidak punya judul");

        String badTopic = error(page(post(editor, "/admin/preview", Map.of("content", "Judul\nIsi.", "topics", "??")), 400));
        assertThat(badTopic).isEqualTo("Topik \"??\" tidak berisi huruf atau angka.");
    }

    @Test
    void aConflictWithStoredEntriesIsSaidInIndonesian() {
        String address = "https://www.tribunnews.com/nasional/2022/12/19/judul-satu";
        int first = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").queryParam("url", address)
                .body("Judul Satu\nTRIBUNNEWS.COM - Isi satu, Senin (19/12/2022).\n").post("/api/articles")
                .then().statusCode(201).extract().path("id");
        String second = "Judul Dua\nTRIBUNNEWS.COM - Isi dua, Senin (19/12/2022).\n";
        int other = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(second).post("/api/articles")
                .then().statusCode(201).extract().path("id");

        String conflict = error(page(post(signIn(), "/admin/publish", Map.of("content", second, "url", address)), 409));
        assertThat(conflict).isEqualTo("Alamat artikel ini milik entri " + first + ", tetapi judul dan tanggalnya milik entri "
                + other + ". Hapus salah satunya dulu.");
    }
}
