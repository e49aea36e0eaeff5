package dev.warta.poll;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.warta.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Talks to /api/sources as a user would. */
public final class Sources {

    private Sources() {
    }

    /** Subscribes and waits for the first (background) fetch to finish; returns the source's id. */
    public static long subscribe(String url, String... topics) {
        long id = given().auth().oauth2(Fixtures.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("url", url, "topics", List.of(topics)))
                .post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitFetched(id);
        return id;
    }

    public static void awaitFetched(long id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> get(id).get("lastFetchedAt") != null);
    }

    public static JsonPath get(long id) {
        return given().auth().oauth2(Fixtures.TOKEN).get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath refresh(long id) {
        return given().auth().oauth2(Fixtures.TOKEN).post("/api/sources/" + id + "/refresh")
                .then().statusCode(200).extract().jsonPath();
    }
}
