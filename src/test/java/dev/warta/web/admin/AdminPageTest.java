package dev.warta.web.admin;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeNewsSite;
import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The editor page over HTTP: sessions, CSRF, preview, publish, delete, errors. */
@QuarkusTest
class AdminPageTest {

    static FakeNewsSite site;

    @Inject
    TestDatabase db;

    @BeforeAll
    static void startSite() {
        site = new FakeNewsSite();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    /** A signed-in editor: the session cookie and the CSRF token of the editor form. */
    record Editor(String cookie, String csrf) {
    }

    static Editor signIn() {
        Response login = given().redirects().follow(false).formParam("token", TOKEN).post("/admin/login");
        login.then().statusCode(303);
        String cookie = login.getCookie(AdminPage.COOKIE);
        Document page = page(given().cookie(AdminPage.COOKIE, cookie).get("/admin"), 200);
        return new Editor(cookie, page.selectFirst("input[name=csrf]").val());
    }

    /** SHA-256 of the UTF-8 bytes, lower-case hex, computed here rather than by the code under test. */
    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document page(Response response, int status) {
        return Jsoup.parse(response.then().statusCode(status).contentType("text/html").extract().asString());
    }

    static Response post(Editor editor, String path, Map<String, String> form) {
        var request = given().redirects().follow(false).cookie(AdminPage.COOKIE, editor.cookie()).formParam("csrf", editor.csrf());
        form.forEach(request::formParam);
        return request.post(path);
    }

    @Test
    void withoutASessionTheEditorPageAsksForTheTokenAndCannotBeFramedOrCached() {
        Response response = given().get("/admin");
        Document page = page(response, 200);
        assertThat(page.select("form[action$=/admin/login] input[name=token][type=password]")).hasSize(1);
        assertThat(page.select("#article-form")).isEmpty();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("form-action 'self'");
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieThatIsNotTheToken() {
        Response login = given().redirects().follow(false).formParam("token", TOKEN).post("/admin/login");
        login.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/admin"));
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith(AdminPage.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/admin").doesNotContain(TOKEN);
        String cookie = login.getCookie(AdminPage.COOKIE);
        assertThat(cookie).hasSizeGreaterThanOrEqualTo(40);
        assertThat(db.count("admin_session")).isEqualTo(1);
        assertThat(db.text("select id_hash from admin_session")).as("only a digest of the id is stored").isNotEqualTo(cookie)
                .isEqualTo(sha256Hex(cookie));
        assertThat(login.getHeader("Location")).doesNotContain(TOKEN).doesNotContain(cookie);
    }

    @Test
    void aWrongTokenIsRefusedWithAMessage() {
        Document page = page(given().formParam("token", "salah").post("/admin/login"), 401);
        assertThat(page.select("#error").text()).contains("Token admin salah");
        page(given().formParam("token", "").post("/admin/login"), 401);
        assertThat(db.count("admin_session")).isZero();
    }

    @Test
    void previewsThePastedSampleArticleWithoutStoringIt() {
        Editor editor = signIn();
        String before = db.snapshot();
        Document page = page(post(editor, "/admin/preview", Map.of("content", Fixtures.sample(), "format", "auto")), 200);

        assertThat(page.select(".preview-title").text()).isEqualTo(SAMPLE_TITLE);
        assertThat(page.select(".preview .author").text()).isEqualTo("Yunita Rahmayanti");
        assertThat(page.select(".preview .editor").text()).isEqualTo("Whiesa Daniswara");
        assertThat(page.select(".preview time.published").attr("datetime")).isEqualTo("2022-12-18T17:00:00Z");
        assertThat(page.select(".preview .topic").eachText()).containsExactly(TOPIC_LABEL);
        assertThat(page.select(".preview .body h2").eachText()).contains("Latihan militer bersama");
        assertThat(page.select(".preview .baca-juga .related-title").eachText()).containsExactly(BACA_JUGA);
        assertThat(page.select("#content").text()).as("the form keeps the paste").startsWith(SAMPLE_TITLE);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void previewsAPageByItsUrlWithTheBacaJugaAddresses() {
        Editor editor = signIn();
        Document page = page(post(editor, "/admin/preview", Map.of("content", "", "url", site.url(FakeNewsSite.PUTIN))), 200);
        assertThat(page.select(".preview-title").text()).isEqualTo(SAMPLE_TITLE);
        assertThat(page.select(".preview .related-url").eachAttr("href")).hasSize(3).first().isEqualTo(site.url(FakeNewsSite.INFRASTRUKTUR));
        assertThat(page.select(".preview a.canonical").attr("href")).isEqualTo(site.url(FakeNewsSite.PUTIN));
        assertThat(page.select(".preview img.lead").attr("src")).endsWith("putin-lukashenko-minsk.jpg");
        assertThat(page.select(".preview .notes").text()).contains("joined 2 pages");
    }

    @Test
    void publishesAndListsTheEntryWithItsPageAndFeeds() {
        Editor editor = signIn();
        post(editor, "/admin/publish", Map.of("content", Fixtures.sample(), "topics", "Belarus"))
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/admin"));

        Document page = page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200);
        assertThat(page.select("#flash").text()).startsWith("Diterbitkan: " + SAMPLE_TITLE);
        String entryPage = page.select("#flash a").attr("href");
        assertThat(page.select("table.recent a[href=" + entryPage + "]").text()).isEqualTo(SAMPLE_TITLE);
        assertThat(page.select("table.recent a[href$=/feeds/topics/" + TOPIC_SLUG + ".atom]")).isNotEmpty();
        assertThat(page.select("table.recent a[href$=/feeds/topics/belarus.atom]")).isNotEmpty();
        assertThat(page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200).select("#flash"))
                .as("a flash is shown once").isEmpty();

        var feed = FeedReader.atom(given().get("/feeds/topics/belarus.atom").then().statusCode(200).extract().asByteArray());
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo(SAMPLE_TITLE);
    }

    @Test
    void anInvalidPasteShowsTheErrorAndStoresNothing() {
        Editor editor = signIn();
        String before = db.snapshot();
        Document page = page(post(editor, "/admin/publish", Map.of("content", "Penulis: Yunita\nTRIBUNNEWS.COM - Isi.")), 400);
        assertThat(page.select("#error").text()).contains("Baris pertama harus judul").contains("baris 1");
        assertThat(page.select("#content").text()).as("the paste is kept for fixing").startsWith("Penulis: Yunita");

        page = page(post(editor, "/admin/preview", Map.of("content", "", "url", "")), 400);
        assertThat(page.select("#error").text()).contains("Tempel teks atau HTML");
        page = page(post(editor, "/admin/preview", Map.of("content", "", "url", "http://169.254.169.254/")), 422);
        assertThat(page.select("#error").text()).contains("jaringan yang dijaga").contains("warta.fetch.address-guard");
        page = page(post(editor, "/admin/preview", Map.of("content", "<html><body><p>tanpa judul</p></body></html>")), 400);
        assertThat(page.select("#error").text()).contains("tidak punya judul");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        Editor editor = signIn();
        String before = db.snapshot();
        for (String csrf : new String[] { "", "salah", signIn().csrf() }) {
            given().cookie(AdminPage.COOKIE, editor.cookie()).formParam("csrf", csrf).formParam("content", Fixtures.sample())
                    .post("/admin/publish").then().statusCode(403);
        }
        given().cookie(AdminPage.COOKIE, editor.cookie()).formParam("content", Fixtures.sample())
                .post("/admin/publish").then().statusCode(403);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheRightToken() {
        Editor editor = signIn();
        String before = db.snapshot();
        given().cookie(AdminPage.COOKIE, editor.cookie()).header("Origin", "https://evil.example")
                .formParam("csrf", editor.csrf()).formParam("content", Fixtures.sample())
                .post("/admin/publish").then().statusCode(403);
        given().cookie(AdminPage.COOKIE, editor.cookie()).header("Sec-Fetch-Site", "cross-site")
                .formParam("csrf", editor.csrf()).formParam("content", Fixtures.sample())
                .post("/admin/publish").then().statusCode(403);
        given().header("Origin", "https://evil.example").formParam("token", TOKEN).post("/admin/login").then().statusCode(403);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void withoutASessionAPostSignsNobodyInAndStoresNothing() {
        String before = db.snapshot();
        Document page = page(given().cookie(AdminPage.COOKIE, "tidak-ada").formParam("csrf", "x")
                .formParam("content", Fixtures.sample()).post("/admin/publish"), 401);
        assertThat(page.select("#error").text()).contains("Sesi sudah berakhir");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void deletesAnEntryAndTheStubsOnlyItNamedAndTheFeedsChange() {
        Editor editor = signIn();
        int id = given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample()).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        int stub = given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().extract().path("related[0].entryId");
        String versions = db.text("select sum(version) from feed_version");

        post(editor, "/admin/entries/" + stub + "/delete", Map.of()).then().statusCode(303);
        given().auth().oauth2(TOKEN).get("/api/entries/" + stub).then().statusCode(404);
        given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200)
                .body("related[0].title", org.hamcrest.Matchers.equalTo(BACA_JUGA[0]))
                .body("related[0].entryId", org.hamcrest.Matchers.nullValue());
        assertThat(Long.parseLong(db.text("select sum(version) from feed_version"))).isGreaterThan(Long.parseLong(versions));

        post(editor, "/admin/entries/" + id + "/delete", Map.of()).then().statusCode(303);
        Document page = page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200);
        assertThat(page.select("#flash").text()).isEqualTo("Dihapus: " + SAMPLE_TITLE
                + " (dan 2 artikel terkait yang hanya disebut olehnya)");
        assertThat(db.count("entry")).isZero();
        var feed = FeedReader.atom(given().get("/feeds/topics/" + TOPIC_SLUG + ".atom").then().statusCode(200).extract().asByteArray());
        assertThat(feed.getEntries()).isEmpty();

        post(editor, "/admin/entries/" + id + "/delete", Map.of()).then().statusCode(303);
        assertThat(page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200).select("#flash").text())
                .contains("sudah tidak ada");
    }

    @Test
    void signingOutEndsTheSession() {
        Editor editor = signIn();
        Response out = post(editor, "/admin/logout", Map.of());
        out.then().statusCode(303);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(db.count("admin_session")).isZero();
        assertThat(page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200).select("#article-form")).isEmpty();
    }

    @Test
    void anIdleSessionEnds() {
        Editor editor = signIn();
        db.execute("update admin_session set last_seen_at = now() - interval '9 hours'");
        assertThat(page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200).select("input[name=token]")).hasSize(1);
        assertThat(db.count("admin_session")).isZero();
    }
}
