package dev.warta.publish;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static dev.warta.Http.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A feed document has one rel="alternate", the topic's page; the other formats are in its Link header. */
@QuarkusTest
class OneAlternateTest {

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void ingestSample() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    @Test
    void theAtomFeedHasOneAlternateAndItsLinkHeaderNamesTheOtherFormats() {
        String feeds = url("/feeds/topics/" + TOPIC_SLUG);
        HttpResponse<byte[]> r = get(feeds + ".atom");
        Feed atom = FeedReader.atom(r.body());
        assertThat(atom.getAlternateLinks()).extracting(Link::getHref).containsExactly(url("/topics/" + TOPIC_SLUG));
        assertThat(atom.getOtherLinks()).noneSatisfy(l -> assertThat(l.getRel()).isEqualTo("alternate"));
        assertThat(header(r, "Link"))
                .contains("<" + feeds + ".rss>; rel=\"alternate\"; type=\"application/rss+xml\"")
                .contains("<" + feeds + ".json>; rel=\"alternate\"; type=\"application/feed+json\"")
                .doesNotContain("<" + feeds + ".atom>; rel=\"alternate\"")
                .contains("rel=\"hub\"").contains("<" + feeds + ".atom>; rel=\"self\"").contains("rel=\"first\"");
        assertThat(header(get(feeds + ".rss"), "Link"))
                .contains("<" + feeds + ".atom>; rel=\"alternate\"; type=\"application/atom+xml\"");
        assertThat(FeedReader.rss(get(feeds + ".rss").body()).getLink()).isEqualTo(url("/topics/" + TOPIC_SLUG));
    }
}
