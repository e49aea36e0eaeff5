import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the packaged jar's AppCDS archive ({@code target/quarkus-app/app-cds.jsa}) from a training run: the
 * jar is started with the options of {@code docker/jvm.options} on a throwaway embedded PostgreSQL, is
 * taken through start-up until {@code /q/health/ready} answers, is sent one article and a round of feed,
 * page and API requests, and is stopped; the JVM dumps every class it loaded into the archive as it exits.
 *
 * <p>Quarkus's own archive ({@code quarkus.package.jar.appcds.enabled}) stops the application after static
 * initialisation, so the classes of runtime initialisation (Hibernate's boot, Flyway, Vert.x, the
 * datasource) were loaded and verified from the jars on every start: about half of them. Run by
 * {@code ./mvnw package} (exec-maven-plugin, skipped with {@code -DskipAppCds}) as
 * {@code java src/build/AppCdsTraining.java <quarkus-app dir> <jvm.options> <sample article>}.
 */
public final class AppCdsTraining {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);
    private static final String ARCHIVE = "app-cds.jsa";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalStateException | IOException e) {
            // The archive only makes the jar start faster: a build where the training cannot run (no embedded
            // PostgreSQL for this platform, a port refused) still delivers a working jar, which starts without it.
            System.out.println("[AppCdsTraining] WARNING: no AppCDS archive written; the jar starts without one. " + e.getMessage());
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: AppCdsTraining <quarkus-app dir> <jvm.options> <sample article>");
        }
        Path app = Path.of(args[0]).toAbsolutePath();
        Path options = Path.of(args[1]).toAbsolutePath();
        Path sample = Path.of(args[2]).toAbsolutePath();
        Path archive = app.resolve(ARCHIVE);
        Path log = app.getParent().resolve("appcds-training.log");
        Files.deleteIfExists(archive);

        int port = freePort();
        String token = "training-" + UUID.randomUUID();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(options)) {
            String option = line.strip();
            // The archive being written cannot also be read; everything else is what production runs with.
            if (!option.isEmpty() && !option.startsWith("#") && !option.startsWith("-XX:SharedArchiveFile")) {
                command.add(option);
            }
        }
        command.add("-XX:ArchiveClassesAtExit=" + ARCHIVE);
        command.add("-Xlog:cds=error");
        command.add("-Dwarta.db.ephemeral=true");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add("quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Hermetic: a datasource or other setting in the caller's environment (QUARKUS_DATASOURCE_JDBC_URL in a CI
        // job) must not send the training's article to a real database.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("WARTA_"));
        builder.environment().put("WARTA_ADMIN_TOKENS", token);
        long started = System.nanoTime();
        Process warta = builder.start();
        try {
            train(warta, "http://127.0.0.1:" + port, token, sample);
        } catch (Exception e) {
            stop(warta);
            throw new IllegalStateException("AppCDS training failed (see " + log + "): " + e.getMessage(), e);
        }
        if (!stop(warta)) {
            throw new IllegalStateException("Warta did not stop after the AppCDS training (see " + log + ")");
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("The JVM wrote no AppCDS archive at " + archive + " (see " + log + ")");
        }
        System.out.printf("[AppCdsTraining] %s: %d MiB in %.1f s%n", archive, Files.size(archive) >> 20,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * SIGTERM, so that Quarkus shuts down and stops its embedded PostgreSQL and the JVM writes the archive as it
     * exits; SIGKILL only when it has not stopped in time. False when it had to be killed.
     */
    private static boolean stop(Process warta) throws InterruptedException {
        warta.destroy();
        if (warta.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return true;
        }
        warta.destroyForcibly();
        return false;
    }

    private static void train(Process warta, String base, String token, Path sample) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!warta.isAlive()) {
                throw new IllegalStateException("Warta exited with " + warta.exitValue() + " before it was ready");
            }
            try {
                if (get(http, base + "/q/health/ready", false).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT);
            }
            Thread.sleep(100);
        }
        HttpResponse<String> posted = http.send(request(base + "/api/articles")
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(sample)).build(), HttpResponse.BodyHandlers.ofString());
        expect(posted, 201, "POST /api/articles");
        String entries = http.send(request(base + "/api/entries?limit=1")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        String topics = http.send(request(base + "/api/topics")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        String entry = first("\"id\"\\s*:\\s*(\\d+)", entries);
        String slug = first("\"slug\"\\s*:\\s*\"([^\"]+)\"", topics);
        List<String> paths = List.of("/", "/topics/" + slug, "/entries/" + entry, "/search?q=putin",
                "/feeds/all.atom", "/feeds/all.rss", "/feeds/all.json", "/feeds/topics/" + slug + ".atom",
                "/feeds/topics/" + slug + ".rss?limit=5", "/feeds/topics/" + slug + ".json", "/feeds.opml",
                "/sitemap.xml", "/feeds/feed.xsl", "/admin", "/q/metrics");
        for (int round = 0; round < 3; round++) {
            for (String path : paths) {
                HttpResponse<String> plain = get(http, base + path, false);
                get(http, base + path, true);
                plain.headers().firstValue("ETag").ifPresent(etag -> {
                    try {
                        http.send(request(base + path).header("If-None-Match", etag).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(path + ": " + e.getMessage(), e);
                    }
                });
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(url);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private static void expect(HttpResponse<?> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String first(String regex, String json) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + json);
        }
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
