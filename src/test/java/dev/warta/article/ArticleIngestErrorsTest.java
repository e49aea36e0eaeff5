package dev.warta.article;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every refused article gets a problem+json naming what is wrong, and the database stays as it was. */
@QuarkusTest
class ArticleIngestErrorsTest {

    @Inject
    TestDatabase db;

    private String before;

    @BeforeEach
    void storeOneArticle() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);
        before = db.snapshot();
    }

    private ValidatableResponse postBytes(String contentType, byte[] body) {
        return given().auth().oauth2(TOKEN).contentType(contentType).body(body).post("/api/articles").then();
    }

    private void assertNothingStored() {
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   \n\r\n\t  \n" })
    void rejectsAnEmptyBody(String body) {
        postBytes("text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("code", equalTo("invalid-article"))
                .body("detail", containsString("empty"));
        assertNothingStored();
    }

    @Test
    void rejectsATextWithoutAHeadline() {
        postBytes("text/plain; charset=utf-8", "Penulis: Yunita\nTRIBUNNEWS.COM - Isi.\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-article"))
                .body("detail", containsString("headline"))
                .body("line", equalTo(1));
        assertNothingStored();
    }

    /** What {@code curl -d @article.txt} sends: the file without its line breaks, as a form. */
    @Test
    void curlDashDGetsAHintAboutDataBinary() {
        String flattened = Fixtures.sample().replace("\r", "").replace("\n", "");
        given().auth().oauth2(TOKEN).contentType("application/x-www-form-urlencoded").body(flattened).post("/api/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("--data-binary @file"));
        postBytes("text/plain; charset=utf-8", flattened.getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("code", equalTo("invalid-article"))
                .body("detail", containsString("no line breaks")).body("detail", containsString("--data-binary"));
        assertNothingStored();
    }

    @Test
    void rejectsABodyOverOneMebibyte() {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        postBytes("text/plain; charset=utf-8", big)
                .statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("too-large")).body("limit", equalTo(1048576));
        assertNothingStored();
    }

    @Test
    void acceptsABodyOfExactlyOneMebibyte() {
        String text = Fixtures.sample().replace("Penulis:", "Penulis:" + " ".repeat(0));
        byte[] base = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(base, 0, body, 0, base.length);
        postBytes("text/plain; charset=utf-8", body).statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/pdf", "image/png", "application/octet-stream", "multipart/form-data; boundary=x" })
    void rejectsOtherMediaTypes(String type) {
        postBytes(type, Fixtures.sample().getBytes(StandardCharsets.UTF_8))
                .statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("unsupported-media-type"))
                .body("detail", containsString("text/plain"));
        assertNothingStored();
    }

    @Test
    void rejectsAnUnknownCharset() {
        postBytes("text/plain; charset=x-klingon", Fixtures.sample().getBytes(StandardCharsets.UTF_8))
                .statusCode(415).body("detail", containsString("x-klingon"));
        assertNothingStored();
    }

    @Test
    void rejectsABodyThatIsNotUtf8() {
        byte[] latin1 = Fixtures.sample().replace("Ukraina", "Ukraïna").getBytes(StandardCharsets.ISO_8859_1);
        postBytes("text/plain; charset=utf-8", latin1)
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-encoding"))
                .body("detail", containsString("UTF-8"));
        assertNothingStored();
    }

    @Test
    void readsADeclaredLatin1Body() {
        // é, ü and ñ are one byte each in ISO-8859-1 (E9, FC, F1) and not valid UTF-8: read as UTF-8 the
        // body is refused, read as anything else but Latin-1 the title changes.
        String title = "Café Señor Müller: Putin dan Lukashenko Bertemu di Minsk";
        String text = title + "\n" + Fixtures.sample().substring(Fixtures.sample().indexOf('\n') + 1)
                .replace("“", "\"").replace("”", "\"").replace("–", "-");
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(latin1, StandardCharsets.ISO_8859_1)).as("every character has a Latin-1 byte").isEqualTo(text);
        assertThat(latin1).contains(0xE9, 0xFC, 0xF1);

        Object id = postBytes("text/plain; charset=ISO-8859-1", latin1).statusCode(201)
                .body("title", equalTo(title)).extract().path("id");
        given().auth().oauth2(TOKEN).get("/api/entries/" + id).then().statusCode(200).body("title", equalTo(title));
    }

    @Test
    void rejectsABadPublishedParameter() {
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample()).queryParam("published", "kemarin")
                .post("/api/articles").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("published"));
        assertNothingStored();
    }

    @Test
    void rejectsATopicParameterWithoutLetters() {
        given().auth().oauth2(TOKEN).contentType("text/plain").body(Fixtures.sample()).queryParam("topic", "!!!")
                .post("/api/articles").then()
                .statusCode(400).body("field", equalTo("topic"));
        assertNothingStored();
    }

    @Test
    void refusesARequestWithoutAToken() {
        given().contentType("text/plain").body(Fixtures.sample()).post("/api/articles").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("missing-token"));
        assertNothingStored();
    }

    @Test
    void refusesAWrongToken() {
        given().auth().oauth2("test-token-but-longer").contentType("text/plain").body("Judul\nIsi.\n")
                .post("/api/articles").then()
                .statusCode(401).body("code", equalTo("invalid-token"));
        given().auth().oauth2("test-toke").get("/api/entries").then().statusCode(401);
        given().header("Authorization", "Basic dGVzdC10b2tlbjo=").get("/api/topics").then().statusCode(401);
        assertNothingStored();
    }
}
