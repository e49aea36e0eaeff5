package dev.warta.article;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A desk article's lead image is stored with what its source states of it, as an upstream item's is: the JSON form's
 * {@code image} object, a page's Open Graph and JSON-LD image; an edit of the caption alone is an edit.
 */
@QuarkusTest
class DeskImageIngestTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static Map<String, Object> article(Object image) {
        Map<String, Object> article = new HashMap<>(Map.of("title", "Panen Raya di Subak Jatiluwih",
                "contentHtml", "<p>Petani memanen padi.</p>", "published", "2022-12-21T10:00:00+07:00", "topics", List.of("Foto")));
        article.put("image", image);
        return article;
    }

    static Response postJson(Object body) {
        return given().auth().oauth2(TOKEN).contentType("application/json").body(body).post("/api/articles");
    }

    static JsonPath stored(long id) {
        return given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theJsonImageObjectIsStoredWithItsDetails() {
        Map<String, Object> image = Map.of("url", "https://foto.example/jatiluwih.jpg", "type", "image/jpeg", "width", 1280,
                "height", 720, "caption", "Petani memanen padi", "credit", "Made Wirya");
        long id = postJson(article(image)).then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath entry = stored(id);
        assertThat(entry.getString("image")).isEqualTo("https://foto.example/jatiluwih.jpg");
        assertThat(entry.getMap("imageDetails")).isEqualTo(Map.of("type", "image/jpeg", "width", 1280, "height", 720,
                "caption", "Petani memanen padi", "credit", "Made Wirya"));

        Map<String, Object> recaptioned = new HashMap<>(image);
        recaptioned.put("caption", "Petani memanen padi di Jatiluwih");
        postJson(article(recaptioned)).then().statusCode(200).header("Warta-Ingest-Outcome", "updated");
        assertThat(stored(id).getString("imageDetails.caption")).isEqualTo("Petani memanen padi di Jatiluwih");
        postJson(article(recaptioned)).then().statusCode(200).header("Warta-Ingest-Outcome", "unchanged");
    }

    @Test
    void anImageGivenByItsAddressAloneHasNoDetails() {
        long id = postJson(article("https://foto.example/jatiluwih.jpg")).then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(stored(id).getString("image")).isEqualTo("https://foto.example/jatiluwih.jpg");
        assertThat(stored(id).getMap("imageDetails")).isNull();
    }

    @Test
    void refusesABadImageFieldNamingIt() {
        postJson(article(Map.of("url", "https://foto.example/a.jpg", "alt", "x"))).then().statusCode(400).body("field", equalTo("image.alt"));
        postJson(article(Map.of("url", "https://foto.example/a.jpg", "width", "lebar"))).then().statusCode(400)
                .body("field", equalTo("image.width"));
        postJson(article(Map.of("url", "https://foto.example/a.jpg", "type", "text/html"))).then().statusCode(400)
                .body("field", equalTo("image.type"));
        postJson(article(Map.of("caption", "tanpa alamat"))).then().statusCode(400).body("field", equalTo("image.url"));
        postJson(article(Map.of("url", "javascript:alert(1)"))).then().statusCode(400).body("field", equalTo("image.url"));
    }

    @Test
    void aPagesOpenGraphAndJsonLdImageIsStoredWithItsDetails() {
        String html = """
                <html><head><title>Panen Raya di Jatiluwih</title>
                <meta property="og:image" content="https://kabar.example/foto/jatiluwih.jpg">
                <meta property="og:image:width" content="1280"><meta property="og:image:height" content="720">
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Panen Raya di Jatiluwih",
                  "datePublished": "2022-12-21T10:00:00+07:00",
                  "image": {"@type": "ImageObject", "url": "https://kabar.example/foto/jatiluwih.jpg",
                            "caption": "Petani memanen padi", "creditText": "Made Wirya"}}</script>
                </head><body><article><h1>Panen Raya di Jatiluwih</h1>
                <p>Petani di Jatiluwih memanen padi bersama-sama pada Rabu pagi, menandai akhir musim tanam.</p></article></body></html>""";
        long id = given().auth().oauth2(TOKEN).contentType("text/html; charset=utf-8").body(html)
                .queryParam("url", "https://kabar.example/2022/12/21/panen").post("/api/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(stored(id).getMap("imageDetails")).isEqualTo(Map.of("width", 1280, "height", 720,
                "caption", "Petani memanen padi", "credit", "Made Wirya"));
    }
}
