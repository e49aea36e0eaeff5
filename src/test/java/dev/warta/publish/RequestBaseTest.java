package dev.warta.publish;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FeedReader;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each request's links start with its own base URL, however requests for other addresses come between: the base of
 * the latest request is kept for the next one to the same address ({@code PublicUrl}), never for another.
 */
@QuarkusTest
class RequestBaseTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void clear() {
        db.clear();
    }

    @Test
    void everyRequestGetsTheLinksOfItsOwnHostPortAndScheme() {
        String[][] asked = { { "https", "warta.example.id" }, { "https", "warta.example.id:8443" },
                { "http", "warta.example.id:8443" }, { "https", "cermin.example.id" }, { "https", "warta.example.id" },
                { "https", "warta.example.id" } };
        for (String[] a : asked) {
            byte[] xml = given().header("X-Forwarded-Proto", a[0]).header("X-Forwarded-Host", a[1])
                    .get("/feeds/all.atom").then().statusCode(200).extract().asByteArray();
            assertThat(FeedReader.atom(xml).getOtherLinks()).filteredOn(l -> "self".equals(l.getRel()))
                    .extracting(l -> l.getHref()).as("asked as %s://%s", a[0], a[1])
                    .containsExactly(a[0] + "://" + a[1] + "/feeds/all.atom");
        }
        String direct = given().get("/feeds/all.atom").then().statusCode(200).extract().header("Link");
        assertThat(direct).contains("<http://localhost:").doesNotContain("example.id");
    }
}
