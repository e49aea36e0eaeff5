package dev.warta.web;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Behind a proxy named in {@code quarkus.http.proxy.trusted-proxies}, the client it forwards for is counted. */
@QuarkusTest
@TestProfile(SignInLimitBehindProxyTest.BehindAProxy.class)
class SignInLimitBehindProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "127.0.0.1", "warta.admin.sign-in.max-failures", "3");
        }
    }

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static int login(String client, String token) {
        return given().redirects().follow(false).header("X-Forwarded-For", client).formParam("token", token)
                .post("/admin/login").statusCode();
    }

    @Test
    void eachForwardedClientHasItsOwnBound() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("203.0.113.5", "salah")).isEqualTo(401);
        }
        assertThat(login("203.0.113.5", TOKEN)).as("the bound is a setting: 3 here").isEqualTo(429);
        assertThat(login("203.0.113.6", TOKEN)).as("another client behind the same proxy").isEqualTo(303);
        assertThat(db.text("select string_agg(distinct client, ',') from sign_in_failure")).isEqualTo("203.0.113.5");

        for (int i = 0; i < 3; i++) {
            assertThat(login("2001:db8:5:6:" + i + "::1", "salah")).isEqualTo(401);
        }
        assertThat(login("2001:db8:5:6:ffff::2", TOKEN)).as("an IPv6 client counts by its /64").isEqualTo(429);
        assertThat(login("2001:db8:5:7::1", TOKEN)).isEqualTo(303);
    }
}
