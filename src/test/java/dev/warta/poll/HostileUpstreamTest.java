package dev.warta.poll;

import static dev.warta.Fixtures.TOKEN;
import static dev.warta.poll.FeedParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Upstreams that attack or misbehave. Each leaves a clear error on its own source; a well-behaved source
 * polled after it is still fetched, and Warta stays up.
 */
@QuarkusTest
class HostileUpstreamTest {

    @Inject
    TestDatabase db;

    @Inject
    EntityManager em;

    FakeSite upstream;
    long good;
    /** Never counted down: awaiting it is how the drip handler pauses without sleeping. */
    final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
        upstream.serve("/good.xml", "application/rss+xml", fixture("rss20.xml"));
        good = Sources.subscribe(upstream.url("/good.xml"));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    /** Subscribes to {@code path}, and checks the error it leaves, the other source and Warta's health. */
    private JsonPath assertFailsClearly(String path, String outcome, String errorFragment) {
        long id = Sources.subscribe(upstream.url(path));
        JsonPath source = Sources.get(id);
        assertThat(source.getString("lastOutcome")).as(path).isEqualTo(outcome);
        assertThat(source.getString("lastError")).as(path).containsIgnoringCase(errorFragment);
        assertThat(source.getInt("consecutiveErrors")).isEqualTo(1);
        assertThat(source.getString("state")).isIn("failing", "gone");
        assertThat(source.getInt("entries")).isZero();
        JsonPath report = Sources.refresh(id);
        assertThat(report.getString("outcome")).isEqualTo(outcome);
        assertThat(report.getString("error")).containsIgnoringCase(errorFragment);

        JsonPath other = Sources.refresh(good);
        assertThat(other.getString("outcome")).as("the well-behaved source still works").isIn("fetched", "not-modified");
        given().get("/q/health/live").then().statusCode(200);
        return Sources.get(id);
    }

    @Test
    void anXxeFeedLeaksNoFileContentAnywhere() throws Exception {
        Path secret = Files.createTempFile("warta-secret", ".txt");
        String marker = "SECRET-" + System.nanoTime();
        Files.writeString(secret, marker);
        try {
            String xxe = new String(fixture("xxe.xml"), StandardCharsets.UTF_8).replace("file:///etc/passwd", secret.toUri().toString());
            upstream.serve("/xxe.xml", "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
            assertFailsClearly("/xxe.xml", "invalid-feed", "DOCTYPE");
            String everything = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                    select coalesce((select string_agg(e::text, ' ') from entry e), '')
                        || coalesce((select string_agg(s::text, ' ') from source s), '')""").getSingleResult());
            assertThat(everything).doesNotContain(marker);
            assertThat(given().get("/feeds/all.atom").then().statusCode(200).extract().asString()).doesNotContain(marker);
            assertThat(given().auth().oauth2(TOKEN).get("/api/sources").then().extract().asString()).doesNotContain(marker);
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void anEntityExpansionBombFailsFast() {
        upstream.serve("/bomb.xml", "application/rss+xml", fixture("billion-laughs.xml"));
        assertFailsClearly("/bomb.xml", "invalid-feed", "DOCTYPE");
    }

    @Test
    void aGzipBombIsStoppedAtTheCap() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        byte[] bomb = zipped.toByteArray();
        upstream.route("/gzip-bomb.xml", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            FakeSite.send(ex, 200, "application/rss+xml", bomb);
        });
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertFailsClearly("/gzip-bomb.xml", "too-large", "more than 10485760 bytes");
    }

    @Test
    void aTwentyMebibyteFeedIsStoppedAtTheCap() {
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] head = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, huge, 0, head.length);
        upstream.serve("/huge.xml", "application/rss+xml", huge);
        assertFailsClearly("/huge.xml", "too-large", "more than 10485760 bytes");
    }

    @Test
    void aSlowDripIsStoppedAtTheTotalDeadline() {
        upstream.route("/drip.xml", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 200; i++) {
                    out.write(' ');
                    out.flush();
                    never.await(500, TimeUnit.MILLISECONDS);
                }
            } catch (IOException | InterruptedException hungUp) {
                // Warta gave up: that is the point
            }
        });
        assertFailsClearly("/drip.xml", "timeout", "total deadline");
    }

    @Test
    void aRedirectLoopStopsAfterFiveRedirects() {
        upstream.route("/loop.xml", ex -> {
            ex.getResponseHeaders().set("Location", "/loop.xml");
            ex.sendResponseHeaders(302, -1);
        });
        assertFailsClearly("/loop.xml", "redirects", "more than 5 redirects");
    }

    @Test
    void aRedirectToTheCloudMetadataAddressIsRefusedAndNeverAttempted() {
        upstream.route("/meta.xml", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
        });
        assertFailsClearly("/meta.xml", "refused", "169.254.0.0/16");
    }

    @Test
    void malformedXmlIsReportedWithWhatIsWrong() {
        upstream.serve("/broken.xml", "application/rss+xml", fixture("malformed.xml"));
        assertFailsClearly("/broken.xml", "invalid-feed", "not a readable RSS or Atom feed");
    }

    @Test
    void a410MarksTheSourceGoneAndStopsPollingIt() {
        upstream.route("/gone.xml", ex -> ex.sendResponseHeaders(410, -1));
        JsonPath source = assertFailsClearly("/gone.xml", "gone", "410");
        assertThat(source.getString("state")).isEqualTo("gone");
        assertThat(source.getString("nextPollAt")).isNull();
    }

    @Test
    void a429WithRetryAfterIsHonoured() {
        upstream.route("/busy.xml", ex -> {
            ex.getResponseHeaders().set("Retry-After", "7200");
            ex.sendResponseHeaders(429, -1);
        });
        JsonPath source = assertFailsClearly("/busy.xml", "throttled", "Retry-After asks for 7200 s");
        Instant next = Instant.parse(source.getString("nextPollAt"));
        assertThat(next).as("not before the upstream asked").isAfter(Instant.now().plus(Duration.ofMinutes(119)));
    }

    @Test
    void aServerErrorBacksOffExponentially() {
        upstream.route("/error.xml", ex -> ex.sendResponseHeaders(500, -1));
        long id = Sources.subscribe(upstream.url("/error.xml"));
        Instant first = Instant.parse(Sources.get(id).getString("nextPollAt"));
        Instant fetched = Instant.parse(Sources.get(id).getString("lastFetchedAt"));
        assertThat(Duration.between(fetched, first)).isEqualTo(Duration.ofMinutes(15));
        Sources.refresh(id);
        Sources.refresh(id);
        JsonPath third = Sources.get(id);
        assertThat(third.getInt("consecutiveErrors")).isEqualTo(3);
        assertThat(Duration.between(Instant.parse(third.getString("lastFetchedAt")), Instant.parse(third.getString("nextPollAt"))))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(third.getString("lastError")).contains("HTTP 500");
        assertThat(List.of(third.getString("state"))).containsExactly("failing");
    }
}
