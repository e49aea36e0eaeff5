package dev.warta.websub;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/** With warta.websub.external-hub set, a change pings that hub with every changed feed's address. */
@QuarkusTest
@QuarkusTestResource(value = ExternalHubPingTest.FakeHub.class, restrictToAnnotatedClass = true)
class ExternalHubPingTest {

    /** Starts the external hub (a fake on loopback) before Warta, and points Warta at it. */
    public static class FakeHub implements QuarkusTestResourceLifecycleManager {
        private FakeSubscriber hub;

        @Override
        public Map<String, String> start() {
            try {
                hub = new FakeSubscriber();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("warta.websub.external-hub", hub.callback("/hub"), "warta.public-url", "https://warta.example.id");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(hub, new TestInjector.MatchesType(FakeSubscriber.class));
        }

        @Override
        public void stop() {
            hub.close();
        }
    }

    FakeSubscriber hub;

    @Inject
    TestDatabase db;

    @BeforeEach
    void empty() {
        db.clear();
        hub.deliveries.clear();
    }

    @Test
    void aChangePingsTheExternalHubWithTheChangedFeeds() {
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> !hub.deliveries.isEmpty());
        FakeSubscriber.Delivery ping = hub.deliveries.get(0);
        assertThat(ping.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        List<String> urls = new ArrayList<>();
        String mode = null;
        for (String pair : new String(ping.body(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            if (kv[0].equals("hub.url")) {
                urls.add(value);
            } else if (kv[0].equals("hub.mode")) {
                mode = value;
            }
        }
        assertThat(mode).isEqualTo("publish");
        assertThat(urls).contains("https://warta.example.id/feeds/topics/" + TOPIC_SLUG + ".atom",
                "https://warta.example.id/feeds/topics/" + TOPIC_SLUG + ".rss",
                "https://warta.example.id/feeds/topics/" + TOPIC_SLUG + ".json",
                "https://warta.example.id/feeds/all.atom");
    }

    @Test
    void feedsAdvertiseBothHubs() {
        Feed feed = FeedReader.atom(given().get("/feeds/all.atom").then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.containsString("<" + hub.callback("/hub") + ">; rel=\"hub\""))
                .extract().asByteArray());
        assertThat(feed.getOtherLinks()).filteredOn(l -> "hub".equals(l.getRel())).extracting(l -> l.getHref())
                .containsExactly("https://warta.example.id/websub", hub.callback("/hub"));
    }
}
