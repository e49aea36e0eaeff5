package dev.warta.ingest;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Dates that say what is known: a "Baca juga" stub is dated by the date in its address, else by the article that
 * links it; a date that is only a day is stored as one ({@code publishedDayOnly}), and gives way to a time of day.
 */
@QuarkusTest
class HonestDatesTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static int postJson(Map<String, Object> article) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(article).post("/api/articles")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath entry(int id) {
        return given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).extract().jsonPath();
    }

    static int related(int articleId, int index) {
        return entry(articleId).getInt("related[" + index + "].entryId");
    }

    @Test
    void aStubIsDatedByTheDayInItsAddressElseByTheArticleThatLinksIt() {
        int article = postJson(Map.of(
                "title", "Menlu Retno Bertemu Menlu Ukraina di Kyiv",
                "summary", "Pertemuan di Kyiv.",
                "author", "Hasanudin Aco",
                "published", "2022-12-21T10:00:00+07:00",
                "topics", List.of("Diplomasi"),
                "related", List.of(
                        Map.of("title", "Zelensky Minta Warga Kabur",
                                "url", "https://www.tribunnews.com/internasional/2022/12/20/zelensky-minta-warga-kabur"),
                        Map.of("title", "Bantuan Militer Inggris untuk Ukraina",
                                "url", "https://www.cnnindonesia.com/internasional/20221217093000-134-889999/bantuan-inggris"),
                        Map.of("title", "Harga Gandum Naik Lagi",
                                "url", "https://news.example.id/berita/d-6473829/harga-gandum-naik-lagi"))));

        JsonPath fromPath = entry(related(article, 0));
        assertThat(fromPath.getString("published")).as("/2022/12/20/: that day, midnight WIB")
                .isEqualTo(LocalDate.of(2022, 12, 20).atStartOfDay(WIB).toInstant().toString());
        assertThat(fromPath.getBoolean("publishedDayOnly")).isTrue();
        assertThat(fromPath.getBoolean("stub")).isTrue();

        JsonPath fromCnnId = entry(related(article, 1));
        assertThat(fromCnnId.getString("published")).as("CNN Indonesia's 20221217093000- id")
                .isEqualTo(LocalDate.of(2022, 12, 17).atStartOfDay(WIB).toInstant().toString());
        assertThat(fromCnnId.getBoolean("publishedDayOnly")).isTrue();

        JsonPath undated = entry(related(article, 2));
        assertThat(undated.getString("published")).as("no date in the address: the linking article's")
                .isEqualTo("2022-12-21T03:00:00Z");
        assertThat(undated.getBoolean("publishedDayOnly")).isFalse();
        assertThat(entry(article).getBoolean("publishedDayOnly")).isFalse();
    }

    @Test
    void aDateInTheFutureOfTheAddressIsNotBelieved() {
        LocalDate future = LocalDate.now(WIB).plusDays(3);
        String path = String.format("%d/%02d/%02d", future.getYear(), future.getMonthValue(), future.getDayOfMonth());
        int article = postJson(Map.of("title", "Kabar Hari Ini", "published", "2022-12-21T10:00:00+07:00",
                "related", List.of(Map.of("title", "Kabar Esok Lusa", "url", "https://www.tribunnews.com/x/" + path + "/esok"))));
        JsonPath stub = entry(related(article, 0));
        assertThat(stub.getString("published")).isEqualTo("2022-12-21T03:00:00Z");
        assertThat(stub.getBoolean("publishedDayOnly")).isFalse();
    }

    @Test
    void aTextThatStatesOnlyADayIsStoredAsADayAndSoAreTheStubsItDates() {
        int id = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201)
                .body("published", equalTo("2022-12-18T17:00:00Z"))
                .body("publishedDayOnly", equalTo(true))
                .extract().path("id");
        JsonPath stub = entry(related(id, 0));
        assertThat(stub.getString("published")).as("dated by the article that links it").isEqualTo("2022-12-18T17:00:00Z");
        assertThat(stub.getBoolean("publishedDayOnly")).as("which states only a day").isTrue();
    }

    @Test
    void aDayOnlyDateGivesWayToATimeOnThatDayAndTheFlagGoes() {
        int id = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .queryParam("published", "2022-12-19T17:30:00+07:00")
                .post("/api/articles").then().statusCode(200)
                .body("id", equalTo(id))
                .body("published", equalTo("2022-12-19T10:30:00Z"))
                .body("publishedDayOnly", equalTo(false));
        assertThat(db.text("select published_day_only from entry where id = " + id)).isEqualTo("false");
    }

    @Test
    void thePublishedParameterMayBeADayOrATime() {
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body("Judul Satu\nIsi satu.\n")
                .queryParam("published", "2022-12-19").post("/api/articles").then().statusCode(201)
                .body("published", equalTo("2022-12-18T17:00:00Z")).body("publishedDayOnly", equalTo(true));
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body("Judul Dua\nIsi dua.\n")
                .queryParam("published", "2022-12-19T00:00:00+07:00").post("/api/articles").then().statusCode(201)
                .body("published", equalTo("2022-12-18T17:00:00Z"))
                .body("publishedDayOnly", equalTo(false));
    }

    @Test
    void aDryRunSaysWhetherTheDateIsOnlyADay() {
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .queryParam("dryRun", "true").post("/api/articles").then().statusCode(200)
                .body("published", equalTo("2022-12-18T17:00:00Z"))
                .body("publishedDayOnly", equalTo(true));
        assertThat(db.count("entry")).isZero();
    }

    @Test
    void aStubThatGainsAnAddressWithADayIsDatedByIt() {
        int id = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201).extract().path("id");
        int stub = related(id, 0);
        String title = entry(stub).getString("title");

        postJson(Map.of("title", "Artikel Lain yang Menautkan", "published", "2022-12-22T09:00:00+07:00",
                "related", List.of(Map.of("title", title,
                        "url", "https://www.tribunnews.com/internasional/2022/12/16/infrastruktur-ukraina-hancur"))));

        JsonPath dated = entry(stub);
        assertThat(dated.getString("url")).endsWith("/2022/12/16/infrastruktur-ukraina-hancur");
        assertThat(dated.getString("published")).isEqualTo(LocalDate.of(2022, 12, 16).atStartOfDay(WIB).toInstant().toString());
        assertThat(dated.getBoolean("publishedDayOnly")).isTrue();
    }
}
