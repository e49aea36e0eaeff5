package dev.warta.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;

import dev.warta.FeedReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With warta.public-url set, links ignore what the request says about its host. */
@QuarkusTest
@TestProfile(ConfiguredPublicUrlTest.PublicUrlProfile.class)
class ConfiguredPublicUrlTest {

    public static class PublicUrlProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warta.public-url", "https://berita.example.id/");
        }
    }

    @Test
    void selfLinksUseTheConfiguredUrl() {
        byte[] xml = given().header("X-Forwarded-Host", "evil.example").get("/feeds/all.atom")
                .then().statusCode(200).extract().asByteArray();
        Feed feed = FeedReader.atom(xml);
        assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(l -> l.getHref())
                .containsExactly("https://berita.example.id/feeds/all.atom");
        assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo("https://berita.example.id/");
    }
}
