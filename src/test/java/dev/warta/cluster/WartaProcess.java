package dev.warta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.FeedReader;

/**
 * One Warta started from the packaged jar ({@code java -jar target/quarkus-app/quarkus-run.jar}) with its
 * settings as {@code -D} system properties, its output in {@code target/it-logs/<name>.log}, and the HTTP
 * calls a test makes to it.
 */
final class WartaProcess implements AutoCloseable {

    static final String TOKEN = "it-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final String name;
    final int httpPort;
    final Path log;
    private final Process process;

    private WartaProcess(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /** The directory of the build ({@code target}), where the jar, logs and data directories are. */
    static Path buildDir() {
        return Path.of(System.getProperty("warta.it.dir", "target")).toAbsolutePath();
    }

    static Path jar() {
        return Path.of(System.getProperty("warta.it.jar", buildDir().resolve("quarkus-app/quarkus-run.jar").toString()));
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar; {@code settings} become {@code -Dkey=value}. Returns once the process runs, not once it is ready. */
    static WartaProcess start(String name, int httpPort, Map<String, String> settings) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package (verify builds it before the ITs)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Two JVMs share two cores with the test: small heaps, C1 only, one GC thread.
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dwarta.admin.tokens=" + TOKEN);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path logs = Files.createDirectories(buildDir().resolve("it-logs"));
            Path log = logs.resolve(name + ".log");
            Process process = new ProcessBuilder(command).directory(buildDir().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new WartaProcess(name, httpPort, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails at once when the process exits before. */
    WartaProcess awaitReady(Duration atMost) {
        await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log
                        + ":\n" + tail(40));
            }
            try {
                return get("/q/health/ready").statusCode() == 200;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a Prometheus metric's samples over all its labels, from {@code /q/metrics}; 0 when absent. */
    double metric(String name) {
        HttpResponse<String> response = get("/q/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError(this.name + " /q/metrics answered " + response.statusCode());
        }
        double sum = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                sum += Double.parseDouble(value);
            }
        }
        return sum;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the calls the test makes, as a user of the API would

    /** Every source, page by page as the Link headers lead (GET /api/sources is paged since issue 9). */
    List<Map<String, Object>> sources() {
        List<Map<String, Object>> all = new ArrayList<>();
        String path = "/api/sources?limit=1000";
        while (path != null) {
            HttpResponse<String> page = expect(200, get(path));
            all.addAll(json(page.body(), new TypeReference<List<Map<String, Object>>>() {
            }));
            path = page.headers().firstValue("Link").map(WartaProcess::nextPath).orElse(null);
        }
        return all;
    }

    /** The path of a {@code rel="next"} link, or null. */
    private static String nextPath(String link) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[a-z]+://[^/>]+(/[^>]*)>;\\s*rel=\"next\"").matcher(link);
        return m.find() ? m.group(1) : null;
    }

    Map<String, Object> source(long id) {
        return json(expect(200, get("/api/sources/" + id)));
    }

    /** Subscribes to a feed (this process claims and fetches it at once); returns the source's id. */
    long subscribe(String url) {
        return id(json(expect(201, post("/api/sources", "application/json", "{\"url\": \"" + url + "\"}"))));
    }

    /** Posts a desk article in the newsroom's text format; {@code published} overrides its date when given. */
    HttpResponse<String> postArticle(String text, Instant published) {
        String query = published == null ? "" : "?published=" + published.truncatedTo(ChronoUnit.SECONDS);
        return post("/api/articles" + query, "text/plain; charset=utf-8", text);
    }

    /** Titles in {@code /feeds/all.atom}, read with Rome. */
    List<String> allAtomTitles() {
        HttpResponse<byte[]> feed = getBytes("/feeds/all.atom");
        if (feed.statusCode() != 200) {
            throw new AssertionError(name + " /feeds/all.atom answered " + feed.statusCode());
        }
        return FeedReader.atom(feed.body()).getEntries().stream().map(e -> e.getTitle()).toList();
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s answered %s", response.request().method(), response.uri(), response.body())
                .isEqualTo(status);
        return response;
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return json(response.body(), new TypeReference<>() {
        });
    }

    static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    private static <T> T json(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not the JSON expected: " + body, e);
        }
    }

    // --- ending it

    /** SIGKILL ({@code kill -9}): no shutdown hook runs, leases stay in the database. Returns the exit code. */
    int kill() {
        process.destroyForcibly();
        return waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, so Quarkus shuts down (and stops its embedded PostgreSQL); SIGKILL if it hangs. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private int waitFor(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") did not exit within " + atMost);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the process's output, for failure messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Lines of the log that contain {@code text}. */
    List<String> logLines(String text) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            return List.of();
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", " + base() + ")";
    }
}
