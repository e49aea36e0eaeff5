package dev.warta.publish;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.inject.Inject;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /feeds.opml}: every topic's Atom feed, for a reader to import at once. */
@QuarkusTest
class OpmlTest {

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void sample() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .queryParam("topic", "Belarus").post("/api/articles").then().statusCode(201);
    }

    static List<Element> outlines(byte[] xml) throws Exception {
        SAXBuilder sax = new SAXBuilder();
        sax.setExpandEntities(false);
        Document doc = sax.build(new ByteArrayInputStream(xml));
        assertThat(doc.getRootElement().getName()).isEqualTo("opml");
        assertThat(doc.getRootElement().getAttributeValue("version")).isEqualTo("2.0");
        return doc.getRootElement().getChild("body").getChildren("outline");
    }

    @Test
    void listsEveryTopicsAtomFeedAndFollowsNewTopics() throws Exception {
        String base = root.toString().replaceAll("/$", "");
        HttpResponse<byte[]> first = get(base + "/feeds.opml");
        List<Element> outlines = outlines(first.body());
        assertThat(outlines).extracting(o -> o.getAttributeValue("text")).containsExactly("Belarus", TOPIC_LABEL);
        Element topic = outlines.get(1);
        assertThat(topic.getAttributeValue("type")).isEqualTo("rss");
        assertThat(topic.getAttributeValue("xmlUrl")).isEqualTo(base + "/feeds/topics/" + TOPIC_SLUG + ".atom");
        assertThat(topic.getAttributeValue("htmlUrl")).isEqualTo(base + "/topics/" + TOPIC_SLUG);
        for (Element o : outlines) {
            assertThat(get(o.getAttributeValue("xmlUrl")).statusCode()).isEqualTo(200);
        }

        given().auth().oauth2(TOKEN).contentType("text/plain").body("Harga Beras Naik\nRingkasan.\nTRIBUNNEWS.COM - Isi.\n"
                + "Artikel lain terkait Ekonomi\n").post("/api/articles").then().statusCode(201);

        HttpResponse<byte[]> second = get(base + "/feeds.opml", "If-None-Match", header(first, "ETag"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(outlines(second.body())).extracting(o -> o.getAttributeValue("text"))
                .containsExactly("Belarus", "Ekonomi", TOPIC_LABEL);
    }

    @Test
    void renamingATopicRenamesItsOutline() throws Exception {
        String base = root.toString().replaceAll("/$", "");
        HttpResponse<byte[]> first = get(base + "/feeds.opml");
        assertThat(outlines(first.body())).extracting(o -> o.getAttributeValue("text")).containsExactly("Belarus", TOPIC_LABEL);

        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"label\": \"Perang Rusia-Ukraina\"}")
                .put("/api/topics/" + TOPIC_SLUG).then().statusCode(200);

        HttpResponse<byte[]> second = get(base + "/feeds.opml", "If-None-Match", header(first, "ETag"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(outlines(second.body())).extracting(o -> o.getAttributeValue("text"))
                .containsExactly("Belarus", "Perang Rusia-Ukraina");
    }
}
