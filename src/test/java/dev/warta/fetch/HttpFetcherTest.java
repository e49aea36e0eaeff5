package dev.warta.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The fetcher against a real HTTP server on loopback. */
class HttpFetcherTest {

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    /** Never counted down: awaiting it is how the slow handlers pause without sleeping. */
    private final CountDownLatch never = new CountDownLatch(1);

    private final AddressGuard loopbackAllowed = new AddressGuard(true, List.of("127.0.0.0/8"));
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        // A generous deadline for the tests that are not about deadlines: a busy build machine can take seconds.
        fetcher = fetcher(loopbackAllowed, Duration.ofSeconds(10), 64 * 1024);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static HttpFetcher fetcher(AddressGuard guard, Duration deadline, long maxBytes) {
        return new HttpFetcher(guard, Duration.ofSeconds(2), Duration.ofMillis(1500), deadline, maxBytes, 5,
                HttpFetcher.userAgent("https://warta.example.id"));
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    private int hitsOf(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Test
    void fetchesTheBodyAndHeadersAndNamesItselfWithItsPublicUrl() throws Exception {
        route("/feed", ex -> send(ex, 200, "application/rss+xml; charset=windows-1252", "<rss/>".getBytes()));
        FetchResult result = fetcher.fetch(FetchRequest.get(URI.create(base + "/feed")).withHeader("If-None-Match", "\"v1\""));
        assertThat(result.status()).isEqualTo(200);
        assertThat(new String(result.body(), StandardCharsets.US_ASCII)).isEqualTo("<rss/>");
        assertThat(result.mediaType()).hasValue("application/rss+xml");
        assertThat(result.charset().map(c -> c.name())).hasValue("windows-1252");
        Map<String, List<String>> sent = requestHeaders.get(0);
        assertThat(sent.get("User-agent").get(0)).startsWith("Warta/").contains("https://warta.example.id");
        assertThat(sent.get("If-none-match")).containsExactly("\"v1\"");
        assertThat(sent.get("Accept-encoding").get(0)).contains("gzip").contains("deflate");
    }

    @Test
    void decodesGzipAndDeflate() throws Exception {
        byte[] xml = "<feed>ünïcode</feed>".getBytes(StandardCharsets.UTF_8);
        route("/gzip", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "application/atom+xml", gzip(xml));
        });
        route("/deflate", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            send(ex, 200, "application/atom+xml", deflate(xml));
        });
        assertThat(fetcher.fetch(FetchRequest.get(URI.create(base + "/gzip"))).body()).isEqualTo(xml);
        assertThat(fetcher.fetch(FetchRequest.get(URI.create(base + "/deflate"))).body()).isEqualTo(xml);
    }

    @Test
    void followsRedirectsAndReportsWhereTheyPermanentlyLead() throws Exception {
        route("/old", ex -> redirect(ex, 301, "/older"));
        route("/older", ex -> redirect(ex, 308, base + "/new"));
        route("/new", ex -> send(ex, 200, "text/plain", "ok".getBytes()));
        FetchResult result = fetcher.fetch(FetchRequest.get(URI.create(base + "/old")));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.url()).isEqualTo(URI.create(base + "/new"));
        assertThat(result.redirects()).extracting(FetchResult.Redirect::status).containsExactly(301, 308);
        assertThat(result.permanentlyMovedTo()).hasValue(URI.create(base + "/new"));
    }

    @Test
    void aTemporaryHopMeansTheSourceHasNotMoved() throws Exception {
        route("/a", ex -> redirect(ex, 301, "/b"));
        route("/b", ex -> redirect(ex, 302, "/c"));
        route("/c", ex -> send(ex, 200, "text/plain", "ok".getBytes()));
        assertThat(fetcher.fetch(FetchRequest.get(URI.create(base + "/a"))).permanentlyMovedTo()).isEmpty();
    }

    @Test
    void followsFiveRedirectsButNotSix() throws Exception {
        for (int i = 0; i < 6; i++) {
            int next = i + 1;
            route("/r" + i, ex -> redirect(ex, 302, "/r" + next));
        }
        route("/r6", ex -> send(ex, 200, "text/plain", "end".getBytes()));
        assertThat(fetcher.fetch(FetchRequest.get(URI.create(base + "/r1"))).body()).isEqualTo("end".getBytes());
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(base + "/r0"))))
                .isInstanceOf(FetchException.class)
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.REDIRECTS);
    }

    @Test
    void refusesLoopbackUnlessAllowedAndNeverConnects() {
        route("/feed", ex -> send(ex, 200, "text/plain", "secret".getBytes()));
        HttpFetcher guarded = fetcher(new AddressGuard(true, List.of()), Duration.ofSeconds(2), 1024);
        for (String url : List.of(base + "/feed", "http://localhost:" + server.getAddress().getPort() + "/feed")) {
            assertThatThrownBy(() -> guarded.fetch(FetchRequest.get(URI.create(url))))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("127.0.0.0/8")
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.REFUSED_ADDRESS);
        }
        assertThat(hitsOf("/feed")).isZero();
    }

    @Test
    void refusesARedirectToTheCloudMetadataAddress() {
        route("/feed", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(base + "/feed"))))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("169.254.0.0/16")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.REFUSED_ADDRESS);
    }

    @Test
    void capsTheBodyAfterDecompression() throws Exception {
        byte[] zeros = new byte[5 * 1024 * 1024];
        route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, 200, "application/xml", gzip(zeros));
        });
        route("/big", ex -> send(ex, 200, "application/xml", new byte[70 * 1024]));
        route("/fits", ex -> send(ex, 200, "application/xml", new byte[64 * 1024]));
        for (String path : List.of("/bomb", "/big")) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(base + path))))
                    .isInstanceOf(FetchException.class)
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
        }
        assertThat(fetcher.fetch(FetchRequest.get(URI.create(base + "/fits"))).body()).hasSize(64 * 1024);
    }

    @Test
    void givesUpOnAServerThatDripsAByteAtATime() {
        route("/drip", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/xml");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    never.await(300, TimeUnit.MILLISECONDS);
                }
            } catch (IOException | InterruptedException closedByClient) {
                // the fetcher hung up: that is the point
            }
        });
        HttpFetcher impatient = fetcher(loopbackAllowed, Duration.ofSeconds(1), 1024);
        assertThatThrownBy(() -> impatient.fetch(FetchRequest.get(URI.create(base + "/drip"))))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("total deadline")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TIMEOUT);
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() {
        route("/silent", ex -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(base + "/silent"))))
                .isInstanceOf(FetchException.class)
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.TIMEOUT);
    }

    @Test
    void postsAndTurnsA303IntoAGet() throws Exception {
        List<String> methods = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        route("/hub", ex -> {
            methods.add(ex.getRequestMethod());
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            redirect(ex, 303, "/done");
        });
        route("/done", ex -> {
            methods.add(ex.getRequestMethod());
            send(ex, 200, "text/plain", "done".getBytes());
        });
        FetchRequest post = FetchRequest.post(URI.create(base + "/hub"), "application/x-www-form-urlencoded",
                "hub.mode=subscribe".getBytes()).withFollowRedirects(true);
        assertThat(fetcher.fetch(post).body()).isEqualTo("done".getBytes());
        assertThat(methods).containsExactly("POST", "GET");
        assertThat(bodies).containsExactly("hub.mode=subscribe");
    }

    @Test
    void rejectsUrlsThatAreNotHttp() {
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/feed", "http://user:pw@example.com/")) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create(url))))
                    .isInstanceOf(FetchException.class)
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.INVALID);
        }
    }

    @Test
    void reportsAnUnknownHost() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(URI.create("http://warta-does-not-exist.invalid/feed"))))
                .isInstanceOf(FetchException.class)
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.UNKNOWN_HOST);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
