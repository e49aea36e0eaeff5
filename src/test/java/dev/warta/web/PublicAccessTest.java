package dev.warta.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Operations endpoints, feeds and pages answer without a token; unknown things get problem+json. */
@QuarkusTest
class PublicAccessTest {

    @Test
    void healthIsPublicAndReadinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheAdminApiWithTheBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/articles'.post.security[0].bearer", equalTo(java.util.List.of()))
                .body("paths.'/api/entries/{id}'.get", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unknownTopicFeedIsAProblem() {
        given().get("/feeds/topics/tidak-ada.atom").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString("tidak-ada"));
        given().get("/feeds/topics/tidak-ada.rss").then().statusCode(404);
        given().get("/topics/tidak-ada").then().statusCode(404).contentType("application/problem+json");
        given().get("/entries/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badLimitIsAProblemNamingTheField() {
        given().get("/feeds/all.atom?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        given().get("/feeds/all.atom?limit=201").then().statusCode(400).body("field", equalTo("limit"));
        given().get("/feeds/all.atom?limit=abc").then().statusCode(400).body("field", equalTo("limit"));
        given().get("/feeds/all.atom?limit=200").then().statusCode(200);
    }

    @Test
    void wrongMethodIsAProblemWithoutInternals() {
        given().delete("/feeds/all.atom").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
