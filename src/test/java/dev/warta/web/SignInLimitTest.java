package dev.warta.web;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Failed sign-ins are bounded per client address and overall, counted in the database (rows another process sees
 * and writes), on {@code /admin/login} and with bearer tokens on {@code /api/**} alike. Time is moved by aging the
 * rows, never waited for. The defaults apply: 10 failures per address, 100 in all, within 15 minutes.
 */
@QuarkusTest
class SignInLimitTest {

    private static final int PER_CLIENT = 10;

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static Response login(String token) {
        return given().redirects().follow(false).formParam("token", token).post("/admin/login");
    }

    /** Failures from another Warta process on the same database: rows it would have written. */
    void failuresElsewhere(String client, int count) {
        db.execute("insert into sign_in_failure (client) select '" + client + "' from generate_series(1, " + count + ")");
    }

    /** Moves the clock: every recorded failure happened that many minutes earlier. */
    void ageFailures(int minutes) {
        db.execute("update sign_in_failure set failed_at = failed_at - interval '" + minutes + " minutes'");
    }

    @Test
    void afterTheBoundTheSignInPageAnswers429UntilTheWindowHasPassed() {
        for (int i = 0; i < PER_CLIENT; i++) {
            login("salah-" + i).then().statusCode(401);
        }
        assertThat(db.count("sign_in_failure")).as("each failure is a row every process counts").isEqualTo(PER_CLIENT);
        assertThat(db.text("select string_agg(distinct client, ',') from sign_in_failure")).isEqualTo("127.0.0.1");

        Response refused = login("salah-lagi");
        refused.then().statusCode(429).contentType("text/html");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(Jsoup.parse(refused.asString()).select("#error").text())
                .isEqualTo("Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam 15 menit.");
        assertThat(login(TOKEN).statusCode()).as("the right token is not even checked while throttled").isEqualTo(429);
        assertThat(db.count("sign_in_failure")).as("throttled tries are not counted").isEqualTo(PER_CLIENT);
        assertThat(db.count("admin_session")).isZero();

        ageFailures(16);
        login(TOKEN).then().statusCode(303);
        assertThat(db.count("admin_session")).isEqualTo(1);
    }

    @Test
    void signingInForgetsTheAddresssFailures() {
        for (int i = 0; i < 3; i++) {
            login("salah-" + i).then().statusCode(401);
        }
        failuresElsewhere("198.51.100.7", 2);
        login(TOKEN).then().statusCode(303);
        assertThat(db.text("select string_agg(distinct client, ',') from sign_in_failure"))
                .as("this address's failures are gone, another's stay").isEqualTo("198.51.100.7");
        for (int i = 0; i < PER_CLIENT - 1; i++) {
            login("salah-" + i).then().statusCode(401);
        }
        assertThat(login("salah-lagi").statusCode()).as("a fresh allowance after signing in").isEqualTo(401);
    }

    @Test
    void aSlotFreesWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < PER_CLIENT; i++) {
            login("salah-" + i).then().statusCode(401);
        }
        login(TOKEN).then().statusCode(429);
        db.execute("update sign_in_failure set failed_at = now() - interval '20 minutes' "
                + "where id = (select min(id) from sign_in_failure)");
        assertThat(login("salah-lagi").statusCode()).as("one try again, and it fails").isEqualTo(401);
        login(TOKEN).then().statusCode(429);
    }

    @Test
    void failuresRecordedByAnotherProcessCountHere() {
        failuresElsewhere("127.0.0.1", PER_CLIENT);
        login(TOKEN).then().statusCode(429);
        given().auth().oauth2(TOKEN).get("/api/topics").then().statusCode(429);
        failuresElsewhere("198.51.100.7", 3);
        ageFailures(16);
        login(TOKEN).then().statusCode(303);
    }

    @Test
    void wrongBearerTokensCountTheSameWayAndGetAProblemWithRetryAfter() {
        for (int i = 0; i < PER_CLIENT / 2; i++) {
            login("salah-" + i).then().statusCode(401);
            given().auth().oauth2("salah-" + i).get("/api/topics").then().statusCode(401).body("code", equalTo("invalid-token"));
        }
        Response throttled = given().auth().oauth2(TOKEN).get("/api/topics");
        throttled.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("code", equalTo("too-many-failed-sign-ins"))
                .body("title", equalTo("Too many requests"));
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        login(TOKEN).then().statusCode(429);

        ageFailures(16);
        given().auth().oauth2(TOKEN).get("/api/topics").then().statusCode(200);
        assertThat(given().get("/api/topics").statusCode()).as("no token is no guess: still 401").isEqualTo(401);
        assertThat(db.count("sign_in_failure")).as("a missing token is not counted").isEqualTo(PER_CLIENT);
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < PER_CLIENT; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=198.51.100." + i)
                    .formParam("token", "salah").post("/admin/login").then().statusCode(401);
        }
        assertThat(db.text("select string_agg(distinct client, ',') from sign_in_failure"))
                .as("without quarkus.http.proxy.trusted-proxies the peer is counted").isEqualTo("127.0.0.1");
        given().header("X-Forwarded-For", "203.0.113.99").formParam("token", TOKEN).post("/admin/login").then().statusCode(429);
    }

    @Test
    void failuresFromEveryAddressTogetherHaveABoundToo() {
        for (int i = 0; i < 100; i += 5) {
            failuresElsewhere("192.0.2." + i, 5);
        }
        Response refused = login(TOKEN);
        refused.then().statusCode(429);
        assertThat(Jsoup.parse(refused.asString()).select("#error").text()).startsWith(
                "Terlalu banyak percobaan masuk yang gagal akhir-akhir ini.");
        ageFailures(16);
        login(TOKEN).then().statusCode(303);
    }
}
