package dev.warta.web.admin;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.web.admin.AdminPageTest.page;
import static dev.warta.web.admin.AdminPageTest.post;
import static dev.warta.web.admin.AdminPageTest.signIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The editor's preview, the API's dry run and publishing decide an article's topics in one way: the same topics. */
@QuarkusTest
class PreviewTopicsTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static void rule(String slug, String label, String... rules) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("label", label, "rules", List.of(rules)))
                .put("/api/topics/" + slug).then().statusCode(201);
    }

    static List<String> dryRunTopics(String text, String... extraTopics) {
        var request = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(text).queryParam("dryRun", "true");
        for (String topic : extraTopics) {
            request.queryParam("topic", topic);
        }
        return request.post("/api/articles").then().statusCode(200).extract().jsonPath().getList("topics", String.class);
    }

    @Test
    void previewDryRunAndPublishingAgreeOnTheTopicsRulesGive() {
        rule("belarus", "Belarus", "lukashenko", "minsk");
        rule("ekonomi", "Ekonomi", "inflasi");
        String before = db.snapshot();

        List<String> dryRun = dryRunTopics(Fixtures.sample());
        assertThat(dryRun).as("the trailer's topic, then the rule's").containsExactly(TOPIC_LABEL, "Belarus");

        AdminPageTest.Editor editor = signIn();
        Document preview = page(post(editor, "/admin/preview", Map.of("content", Fixtures.sample())), 200);
        assertThat(preview.select(".preview .topic").eachText()).isEqualTo(dryRun);
        assertThat(db.snapshot()).as("neither stored anything, not even a topic").isEqualTo(before);

        List<String> stored = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getList("topics.label", String.class);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(dryRun);
    }

    @Test
    void aOneLineArticleGetsTheTopicsItsWordsCall() {
        rule("sapaan", "Sapaan", "halo");
        List<String> dryRun = dryRunTopics("halo");
        assertThat(dryRun).containsExactly("Sapaan");

        Document preview = page(post(signIn(), "/admin/preview", Map.of("content", "halo")), 200);
        assertThat(preview.select(".preview .topic").eachText()).containsExactly("Sapaan");

        List<String> stored = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body("halo")
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getList("topics.label", String.class);
        assertThat(stored).containsExactly("Sapaan");
    }

    @Test
    void aTopicGivenByItsSlugOrInAnotherCaseIsPreviewedUnderItsStoredLabel() {
        rule("belarus", "Belarus");
        List<String> dryRun = dryRunTopics("Judul Berita\nIsi berita.\n", "BELARUS", "Topik Baru");
        assertThat(dryRun).containsExactly("Belarus", "Topik Baru");
        assertThat(db.count("topic")).as("a new label is shown, not created").isEqualTo(1);

        List<String> stored = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body("Judul Berita\nIsi berita.\n")
                .queryParam("topic", "BELARUS").queryParam("topic", "Topik Baru")
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getList("topics.label", String.class);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(dryRun);
    }

    @Test
    void thePreviewSaysWhatAnArticleLacksAndPublishingStillPublishesIt() {
        AdminPageTest.Editor editor = signIn();
        Document preview = page(post(editor, "/admin/preview", Map.of("content", "halo")), 200);
        assertThat(preview.select("#warnings li").eachText()).hasSize(4)
                .anySatisfy(w -> assertThat(w).startsWith("Tanpa isi"))
                .anySatisfy(w -> assertThat(w).startsWith("Tanpa tanggal"))
                .anySatisfy(w -> assertThat(w).startsWith("Tanpa penulis"))
                .anySatisfy(w -> assertThat(w).startsWith("Tanpa topik"));

        post(editor, "/admin/publish", Map.of("content", "halo")).then().statusCode(303);
        Document after = page(given().cookie(AdminPage.COOKIE, editor.cookie()).get("/admin"), 200);
        assertThat(after.select("#flash").text())
                .startsWith("Diterbitkan: halo (tanpa isi, tanpa tanggal, tanpa penulis, tanpa topik)");
        assertThat(db.count("entry")).isEqualTo(1);

        Document complete = page(post(editor, "/admin/preview", Map.of("content", Fixtures.sample())), 200);
        assertThat(complete.select("#warnings")).isEmpty();
        assertThat(complete.select(".preview time.published").text()).as("a day-only date is shown as the day")
                .isEqualTo("Senin, 19 Desember 2022");
    }
}
