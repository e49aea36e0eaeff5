package dev.warta.source;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** OPML import (nested outlines → topics) and export, and a round trip that keeps every source and its topics. */
@QuarkusTest
class SourceOpmlTest {

    @Inject
    TestDatabase db;

    @BeforeEach
    void clear() {
        db.clear();
    }

    private static JsonPath importOpml(byte[] body, String type) {
        return given().auth().oauth2(TOKEN).contentType(type).body(body).post("/api/sources/opml")
                .then().statusCode(200).extract().jsonPath();
    }

    /** url → sorted topic slugs, of every source. */
    private static Map<String, List<String>> subscriptions() {
        List<Map<String, Object>> sources = given().auth().oauth2(TOKEN).get("/api/sources").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, List<String>> result = new TreeMap<>();
        for (Map<String, Object> s : sources) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> topics = (List<Map<String, String>>) s.get("topics");
            result.put((String) s.get("url"), topics.stream().map(t -> t.get("slug")).sorted().collect(Collectors.toList()));
        }
        return result;
    }

    @Test
    void importsNestedOutlinesAsTopicsAndMergesAnAddressListedTwice() {
        JsonPath result = importOpml(Fixtures.resource("feeds/subscriptions.opml").getBytes(StandardCharsets.UTF_8), "text/x-opml");
        assertThat(result.getInt("created")).isEqualTo(3);
        assertThat(result.getInt("existing")).isZero();
        assertThat(subscriptions()).isEqualTo(Map.of(
                "http://127.0.0.1:1/dunia.xml", List.of("ekonomi", "konflik-rusia-vs-ukraina"),
                "http://127.0.0.1:1/atom.xml", List.of("eropa", "konflik-rusia-vs-ukraina"),
                "http://127.0.0.1:1/lain.xml", List.of()));
        JsonPath again = importOpml(Fixtures.resource("feeds/subscriptions.opml").getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("existing")).isEqualTo(3);
        assertThat(db.count("source")).isEqualTo(3);
    }

    @Test
    void anExportReimportedIntoAnEmptyWartaKeepsEverySourceAndItsTopics() {
        importOpml(Fixtures.resource("feeds/subscriptions.opml").getBytes(StandardCharsets.UTF_8), "text/x-opml");
        Map<String, List<String>> before = subscriptions();
        byte[] exported = given().auth().oauth2(TOKEN).get("/api/sources.opml").then().statusCode(200)
                .contentType("text/x-opml;charset=utf-8").extract().asByteArray();
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("<opml version=\"2.0\">").contains("xmlUrl=");

        db.clear();
        importOpml(exported, "text/xml");
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    void refusesWhatIsNotOpml() {
        given().auth().oauth2(TOKEN).contentType("application/json").body("{}").post("/api/sources/opml")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).contentType("text/x-opml").body("<opml><body><outline").post("/api/sources/opml")
                .then().statusCode(400).body("code", equalTo("invalid-opml")).body("line", equalTo(1));
        given().auth().oauth2(TOKEN).contentType("text/x-opml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body>&x;</body></opml>")
                .post("/api/sources/opml").then().statusCode(400).body("code", equalTo("invalid-opml"));
        given().auth().oauth2(TOKEN).contentType("text/x-opml").body("<rss/>").post("/api/sources/opml")
                .then().statusCode(400).body("detail", equalTo("not an OPML document (no <opml> with a <body>)"));
        given().auth().oauth2(TOKEN).contentType("text/x-opml")
                .body("<opml version=\"2.0\"><body><outline text=\"x\" xmlUrl=\"ftp://nope/\"/></body></opml>")
                .post("/api/sources/opml").then().statusCode(200)
                .body("created", equalTo(0)).body("rejected[0].url", equalTo("ftp://nope/"));
        assertThat(db.count("source")).isZero();
    }
}
