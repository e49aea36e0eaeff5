package dev.warta.websub;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.atom.Feed;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The WebSub hub against real subscribers on loopback (test profile: leases from 1 s, retries every
 * 100–400 ms for 2 s, sweeps every 200 ms). The retry schedule runs on a {@link HubClock} the test moves.
 */
@QuarkusTest
class WebSubHubTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    TestDatabase db;
    @Inject
    SubscriptionRepository subscriptions;
    @Inject
    HubDeliverer deliverer;

    @TestHTTPResource("/")
    URL root;

    String base;
    String topic;
    FakeSubscriber subscriber;
    FakeSubscriber witness;
    int articles;
    final AtomicReference<Instant> now = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        db.clear();
        base = root.toString().replaceAll("/$", "");
        topic = base + "/feeds/topics/" + TOPIC_SLUG + ".atom";
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);
        subscriber = new FakeSubscriber();
        witness = new FakeSubscriber();
    }

    @AfterEach
    void tearDown() {
        subscriber.close();
        witness.close();
    }

    static ValidatableResponse hub(String... fields) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=utf-8");
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post("/websub").then();
    }

    void subscribeAndAwait(FakeSubscriber who, String callback, String... extra) {
        String[] fields = new String[6 + extra.length];
        System.arraycopy(new String[] { "hub.mode", "subscribe", "hub.callback", callback, "hub.topic", topic }, 0, fields, 0, 6);
        System.arraycopy(extra, 0, fields, 6, extra.length);
        hub(fields).statusCode(202);
        await().atMost(WAIT).until(() -> stored(callback).isPresent());
        assertThat(who.verifications).isNotEmpty();
    }

    Optional<Subscription> stored(String callback) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.find(callback, topic));
    }

    String postArticle() {
        String title = "Kabar Terbaru Nomor " + (++articles);
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8")
                .body(title + "\nRingkasan.\nTRIBUNNEWS.COM - Isi berita.\nArtikel lain terkait " + TOPIC_LABEL + "\n")
                .post("/api/articles").then().statusCode(201);
        return title;
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aVerifiedSubscriberReceivesASignedDeliveryAfterANewArticle() throws Exception {
        String callback = subscriber.callback("/push?feed=warta");
        subscribeAndAwait(subscriber, callback, "hub.secret", "rahasia-kita", "hub.lease_seconds", "3600");

        FakeSubscriber.Verification v = subscriber.verifications.get(0);
        assertThat(v.params()).containsEntry("hub.mode", "subscribe").containsEntry("hub.topic", topic)
                .containsEntry("hub.lease_seconds", "3600").containsEntry("feed", "warta").containsKey("hub.challenge");
        assertThat(subscriber.deliveries).as("nothing is pushed before the feed changes").isEmpty();

        String title = postArticle();

        await().atMost(WAIT).until(() -> !subscriber.deliveries.isEmpty());
        FakeSubscriber.Delivery d = subscriber.deliveries.get(0);
        assertThat(d.header("Content-Type").replace(" ", "")).isEqualTo("application/atom+xml;charset=utf-8");
        assertThat(d.header("Link")).contains("<" + base + "/websub>; rel=\"hub\"").contains("<" + topic + ">; rel=\"self\"");
        assertThat(d.header("X-Hub-Signature")).isEqualTo(hmac("rahasia-kita", d.body()));
        assertThat(d.header("X-Hub-Signature")).isNotEqualTo(hmac("another secret", d.body()));
        Feed pushed = FeedReader.atom(d.body());
        assertThat(pushed.getEntries().get(0).getTitle()).isEqualTo(title);
        assertThat(pushed.getOtherLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("hub");
            assertThat(l.getHref()).isEqualTo(base + "/websub");
        });
    }

    @Test
    void aSubscriptionWithoutSecretIsDeliveredUnsignedInTheSubscribedFormat() {
        topic = base + "/feeds/topics/" + TOPIC_SLUG + ".json";
        subscribeAndAwait(subscriber, subscriber.callback("/json"));
        postArticle();
        await().atMost(WAIT).until(() -> !subscriber.deliveries.isEmpty());
        assertThat(subscriber.deliveries.get(0).header("Content-Type").replace(" ", "")).isEqualTo("application/feed+json;charset=utf-8");
        assertThat(subscriber.deliveries.get(0).header("X-Hub-Signature")).isNull();
    }

    @Test
    void unsubscribingStopsDeliveries() {
        String callback = subscriber.callback("/cb");
        subscribeAndAwait(subscriber, callback);
        subscribeAndAwait(witness, witness.callback("/witness"));

        hub("hub.mode", "unsubscribe", "hub.callback", callback, "hub.topic", topic).statusCode(202);
        await().atMost(WAIT).until(() -> stored(callback).isEmpty());
        assertThat(subscriber.verifications).anySatisfy(v -> assertThat(v.params()).containsEntry("hub.mode", "unsubscribe"));

        postArticle();
        await().atMost(WAIT).until(() -> !witness.deliveries.isEmpty());
        assertThat(subscriber.deliveries).isEmpty();
    }

    @Test
    void anExpiredLeaseStopsDeliveries() {
        String callback = subscriber.callback("/short");
        subscribeAndAwait(subscriber, callback, "hub.lease_seconds", "1");
        assertThat(subscriber.verifications.get(0).params()).containsEntry("hub.lease_seconds", "1");
        subscribeAndAwait(witness, witness.callback("/witness"));

        await().atMost(WAIT).until(() -> stored(callback).isEmpty());

        postArticle();
        await().atMost(WAIT).until(() -> !witness.deliveries.isEmpty());
        assertThat(subscriber.deliveries).isEmpty();
    }

    /** Puts the hub on a clock that stands still until the test moves it; returns where it stands. */
    Instant useTheTestsClock() {
        now.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        QuarkusMock.installMockForType(new HubClock() {
            @Override
            public Instant now() {
                return now.get();
            }
        }, HubClock.class);
        return now.get();
    }

    /** Lets the timer sweep twice (the second starts after this call) and checks that nothing more was attempted. */
    void sweepsAttemptNothing(int deliveriesSoFar) {
        long sweeps = deliverer.sweeps();
        await().atMost(WAIT).until(() -> deliverer.sweeps() >= sweeps + 2);
        assertThat(subscriber.deliveries).hasSize(deliveriesSoFar);
    }

    @Test
    void aFailingCallbackIsRetriedWithBackoffThenGivenUp() {
        Instant start = useTheTestsClock();
        String callback = subscriber.callback("/broken");
        subscriber.deliveryStatus = 500;
        subscribeAndAwait(subscriber, callback);

        postArticle();
        await().atMost(WAIT).until(() -> stored(callback).map(s -> s.attempts == 1).orElse(false));
        Subscription failing = stored(callback).orElseThrow();
        assertThat(failing.lastError).isEqualTo("HTTP 500");
        assertThat(failing.failingSince).isEqualTo(start);

        // Test profile: the first retry after 100 ms, each wait twice the one before, at most 400 ms, for 2 s.
        // Attempt n+1 is due at these times (ms after the first failure), and not a moment before.
        long[] due = { 100, 300, 700, 1100, 1500, 1900, 2300 };
        for (int n = 1; n <= due.length; n++) {
            int attempt = n + 1;
            Instant at = start.plusMillis(due[n - 1]);
            assertThat(stored(callback).orElseThrow().nextAttemptAt).as("retry %d", n).isEqualTo(at);
            now.set(at.minusMillis(1));
            sweepsAttemptNothing(n);
            now.set(at);
            if (attempt < 8) {
                await().atMost(WAIT).until(() -> stored(callback).map(s -> s.attempts == attempt).orElse(false));
                assertThat(subscriber.deliveries).hasSize(attempt);
            }
        }

        // The eighth attempt, 2.3 s after the first failure, is past retry-for: the content is given up.
        await().atMost(WAIT).until(() -> stored(callback).map(s -> s.attempts == 0 && s.failingSince == null).orElse(false));
        Subscription givenUp = stored(callback).orElseThrow();
        assertThat(givenUp.lastError).isEqualTo("gave up after 8 attempts: HTTP 500");
        assertThat(givenUp.nextAttemptAt).isNull();
        assertThat(subscriber.deliveries).hasSize(8);
        now.set(start.plus(Duration.ofHours(1)));
        sweepsAttemptNothing(8);

        // A healthy callback gets the next change again.
        subscriber.deliveryStatus = 200;
        postArticle();
        await().atMost(WAIT).until(() -> subscriber.deliveries.size() == 9
                && stored(callback).map(s -> s.lastError == null).orElse(false));
    }

    @Test
    void aCallbackOnARefusedAddressIsRefused() {
        hub("hub.mode", "subscribe", "hub.callback", "http://0.0.0.0:" + 9 + "/cb", "hub.topic", topic)
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("refused-address")).body("field", equalTo("hub.callback"));
        assertThat(db.count("websub_subscription")).isZero();
    }

    @Test
    void aCallbackThatDoesNotConfirmIsNotSubscribed() {
        subscriber.confirm = false;
        String callback = subscriber.callback("/nope");
        hub("hub.mode", "subscribe", "hub.callback", callback, "hub.topic", topic).statusCode(202);
        await().atMost(WAIT).until(() -> !subscriber.verifications.isEmpty());
        long sweeps = deliverer.sweeps();
        await().atMost(WAIT).until(() -> deliverer.sweeps() >= sweeps + 1);
        assertThat(stored(callback)).isEmpty();
    }

    @Test
    void leasesDefaultToTenDaysAndAreBounded() {
        subscribeAndAwait(subscriber, subscriber.callback("/default"));
        assertThat(subscriber.verifications.get(0).params()).containsEntry("hub.lease_seconds", String.valueOf(10 * 24 * 3600));
        subscribeAndAwait(witness, witness.callback("/long"), "hub.lease_seconds", "999999999");
        assertThat(witness.verifications.get(0).params()).containsEntry("hub.lease_seconds", String.valueOf(30 * 24 * 3600));
    }

    @Test
    void requestsThatCannotSucceedAreProblems() {
        String cb = subscriber.callback("/cb");
        hub("hub.callback", cb, "hub.topic", topic).statusCode(400).body("field", equalTo("hub.mode"));
        hub("hub.mode", "publish", "hub.callback", cb, "hub.topic", topic).statusCode(400).body("field", equalTo("hub.mode"));
        hub("hub.mode", "subscribe", "hub.topic", topic).statusCode(400).body("field", equalTo("hub.callback"));
        hub("hub.mode", "subscribe", "hub.callback", "ftp://example.org/", "hub.topic", topic).statusCode(400)
                .body("field", equalTo("hub.callback"));
        hub("hub.mode", "subscribe", "hub.callback", cb, "hub.topic", "https://elsewhere.example/feed").statusCode(400)
                .body("field", equalTo("hub.topic"));
        hub("hub.mode", "subscribe", "hub.callback", cb, "hub.topic", base + "/feeds/topics/tidak-ada.atom").statusCode(400)
                .body("field", equalTo("hub.topic")).body("detail", containsString("tidak-ada"));
        hub("hub.mode", "subscribe", "hub.callback", cb, "hub.topic", topic + "?before=1.1").statusCode(400)
                .body("field", equalTo("hub.topic"));
        // A search is read, not pushed: its feed names no hub, and the hub takes no subscription to it.
        hub("hub.mode", "subscribe", "hub.callback", cb, "hub.topic", base + "/feeds/search.atom?q=serangan").statusCode(400)
                .body("field", equalTo("hub.topic"));
        hub("hub.mode", "subscribe", "hub.callback", cb, "hub.topic", topic, "hub.lease_seconds", "-5").statusCode(400)
                .body("field", equalTo("hub.lease_seconds"));
        hub("hub.mode", "subscribe", "hub.callback", cb, "hub.topic", topic, "hub.secret", "x".repeat(200)).statusCode(400)
                .body("field", equalTo("hub.secret"));
        assertThat(subscriber.verifications).isEmpty();
    }

    @Test
    void subscriptionsLiveInTheDatabase() {
        // A subscription stored before a restart: nothing about it is kept in memory, so it is served as is.
        String callback = subscriber.callback("/from-before");
        QuarkusTransaction.requiringNew().run(() -> subscriptions.upsertVerified(callback, topic,
                dev.warta.FeedKey.parse(subscriptions.getEntityManager()
                        .createNativeQuery("select 'topic:' || id from topic where slug = ?1")
                        .setParameter(1, TOPIC_SLUG).getSingleResult().toString()).orElseThrow(),
                null, 3600, java.time.Instant.now()));
        postArticle();
        await().atMost(WAIT).until(() -> !subscriber.deliveries.isEmpty());
    }
}
