package dev.warta.cluster;

import static dev.warta.cluster.WartaProcess.expect;
import static dev.warta.cluster.WartaProcess.id;
import static dev.warta.cluster.WartaProcess.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Warta processes from the packaged jar on one database, as an operator runs them: A hosts the embedded
 * PostgreSQL, B uses it through {@code quarkus.datasource.jdbc.url}. Two desk articles are posted to A, an
 * OPML of {@value #HOSTS}×{@value #SOURCES_PER_HOST} sources on distinct loopback hosts is imported through B,
 * and both poll. The methods check, in order, what issue 8 asks of such a cluster; the last one kills B.
 *
 * <p>Written against the code before issue 8: the per-host bound and the refresh that joins a running fetch
 * are cluster-wide promises it does not keep yet, so those two methods fail until it is done. So does the
 * no-error check, on the entry id collision the issue describes (the first upstream batch after the desk
 * posts loses its ids). Under load, claims that wait in a process's per-host queue longer than the lease
 * are claimed again by the other process, which the fetched-once check shows with the request times.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProcessIT {

    static final int HOSTS = 10;
    static final int SOURCES_PER_HOST = 11;
    static final int SOURCES = HOSTS * SOURCES_PER_HOST;
    static final int ITEMS = 10;
    static final int MAX_PER_HOST = 2;
    static final Duration HOLD = Duration.ofMillis(200);
    static final Duration LEASE = Duration.ofSeconds(5);

    /** A subscribed upstream feed: where it is served, and its URL. */
    record Feed(SlowUpstream upstream, String path, String url) {
        int hits() {
            return upstream.hits(path);
        }
    }

    private static List<SlowUpstream> hosts;
    private static SlowUpstream refreshHost;
    private static SlowUpstream crashHost;
    private static final Map<String, Feed> feeds = new LinkedHashMap<>();
    private static List<Long> importedIds;
    private static Instant imported;
    private static SharedDatabase database;
    private static WartaProcess a;
    private static WartaProcess b;
    private static List<Map<String, Object>> afterFirstCycle;
    private static RuntimeException firstCycleFailed;

    @BeforeAll
    static void startCluster() {
        Runtime.getRuntime().addShutdownHook(new Thread(TwoProcessIT::killEverything, "two-process-it-cleanup"));
        List<SlowUpstream> upstreams = SlowUpstream.onAddresses(2, HOSTS + 2, HOLD);
        hosts = upstreams.subList(0, HOSTS);
        refreshHost = upstreams.get(HOSTS);
        crashHost = upstreams.get(HOSTS + 1);
        // Grouped by host, as an OPML exported site by site: consecutive sources share a host, so claims of
        // both processes land on the same hosts at the same time.
        for (SlowUpstream host : hosts) {
            for (int n = 1; n <= SOURCES_PER_HOST; n++) {
                String path = "/kanal-" + n + (n % 2 == 0 ? "/rss.xml" : "/atom.xml");
                String url = host.feed(path, n % 2 == 0 ? SlowUpstream.Format.RSS : SlowUpstream.Format.ATOM, ITEMS);
                feeds.put(url, new Feed(host, path, url));
            }
        }

        database = SharedDatabase.fresh(WartaProcess.buildDir().resolve("it-pgdata"));
        Map<String, String> hostingTheDatabase = settings();
        hostingTheDatabase.put("warta.db.data-dir", database.dataDir().toString());
        hostingTheDatabase.put("warta.db.port", String.valueOf(database.port()));
        a = WartaProcess.start("a", WartaProcess.freePort(), hostingTheDatabase).awaitReady(Duration.ofSeconds(120));

        Map<String, String> usingTheDatabase = settings();
        usingTheDatabase.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        usingTheDatabase.put("quarkus.datasource.username", SharedDatabase.USER);
        b = WartaProcess.start("b", WartaProcess.freePort(), usingTheDatabase).awaitReady(Duration.ofSeconds(120));
        assertThat(b.logLines("Starting embedded PostgreSQL")).as("B starts no PostgreSQL of its own").isEmpty();

        // The operator's reproduction: two desk articles on A, then the OPML through B.
        expect(201, a.postArticle(resource("samples/tribunnews-2022-12-19-putin-kunjungi-belarusia.txt"), null));
        expect(201, a.postArticle(deskArticle("Redaksi Menguji Dua Proses Warta Sekaligus", "A",
                "Baca juga: Warta Menyajikan Feed Topik untuk Pembaca"), null));
        imported = Instant.now();
        Map<String, Object> result = json(expect(200, b.post("/api/sources/opml", "text/x-opml", opml())));
        assertThat(result).containsEntry("created", SOURCES);
        importedIds = ((List<?>) result.get("sources")).stream().map(o -> ((Number) o).longValue()).toList();
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("warta.poll.enabled", "true");
        s.put("warta.poll.tick", "1s");
        s.put("warta.poll.lease", LEASE.toSeconds() + "s");
        s.put("warta.poll.max-per-host", String.valueOf(MAX_PER_HOST));
        // The address guard refuses loopback otherwise, and every upstream here is on loopback.
        s.put("warta.fetch.allowed-networks", "127.0.0.0/8");
        s.put("warta.fetch.connect-timeout", "2s");
        s.put("warta.fetch.read-timeout", "20s");
        s.put("warta.fetch.total-deadline", "30s");
        return s;
    }

    @AfterAll
    static void stopCluster() {
        killEverything();
        if (database != null) {
            assertThat(database.postmasters()).as("PostgreSQL processes left on %s", database.dataDir()).isEmpty();
        }
    }

    @Test
    @Order(1)
    void everySourceIsFetchedOnceByTheCluster() {
        List<Map<String, Object>> sources = firstCycle();
        assertThat(sources).hasSize(SOURCES);
        // Arrival times after the import make a second request explainable (e.g. a lease that ran out).
        Map<String, List<String>> notOnce = feeds.values().stream().filter(f -> f.hits() != 1)
                .collect(Collectors.toMap(Feed::url, f -> f.upstream().arrivals(f.path()).stream()
                        .map(t -> "+" + Duration.between(imported, t).toMillis() + " ms").toList(), (x, y) -> x, LinkedHashMap::new));
        assertThat(notOnce).as("feeds not fetched exactly once (url → requests, after the OPML import; lease %s)", LEASE)
                .isEmpty();
        // Not due again for a while: a second request during this test would be a second cycle, not this one.
        Instant soon = Instant.now().plus(14, ChronoUnit.MINUTES);
        assertThat(sources).filteredOn(s -> "fetched".equals(s.get("lastOutcome")))
                .allSatisfy(s -> assertThat(Instant.parse((String) s.get("nextPollAt"))).isAfter(soon));
    }

    @Test
    @Order(2)
    void bothProcessesFetchSources() {
        firstCycle();
        double byA = a.metric("warta_poll_fetches_total");
        double byB = b.metric("warta_poll_fetches_total");
        System.out.printf("First cycle: A fetched %.0f sources, B %.0f%n", byA, byB);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(byA).as("warta_poll_fetches_total of A").isGreaterThan(0);
        soft.assertThat(byB).as("warta_poll_fetches_total of B").isGreaterThan(0);
        soft.assertThat(byA + byB).as("fetches of A and B together").isEqualTo(SOURCES);
        soft.assertAll();
    }

    @Test
    @Order(3)
    void noSourceFailsAndEverySourceStoresItsItems() {
        firstCycle();
        List<Map<String, Object>> sources = a.sources().stream().filter(s -> importedIds.contains(id(s))).toList();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(sources).as("sources that did not store their %d items or failed", ITEMS)
                .filteredOn(s -> !"fetched".equals(s.get("lastOutcome")) || s.get("lastError") != null
                        || ((Number) s.get("entries")).intValue() != ITEMS)
                .extracting(s -> s.get("id") + " " + s.get("url") + ": " + s.get("state") + ", " + s.get("lastOutcome")
                        + ", " + s.get("entries") + " entries, error " + s.get("lastError"))
                .isEmpty();
        soft.assertThat(database.entriesOfSources(importedIds)).as("entries stored from the imported sources (database)")
                .isEqualTo((long) SOURCES * ITEMS);
        List<String> errors = Stream.concat(a.logLines("ERROR").stream(), b.logLines("ERROR").stream()).toList();
        soft.assertThat(errors).as("ERROR lines in the logs of A and B").isEmpty();
        soft.assertAll();
    }

    @Test
    @Order(4)
    void neverMoreThanMaxPerHostRequestsAtOnceOnOneHostAcrossTheCluster() {
        firstCycle();
        Map<String, Integer> peaks = hosts.stream()
                .collect(Collectors.toMap(SlowUpstream::host, SlowUpstream::maxInFlight, (x, y) -> x, LinkedHashMap::new));
        System.out.println("Most requests in flight at once, per host: " + peaks);
        assertThat(peaks).as("most requests in flight at once per host (warta.poll.max-per-host=%d)", MAX_PER_HOST)
                .isNotEmpty();
        Map<String, Integer> over = new LinkedHashMap<>(peaks);
        over.values().removeIf(peak -> peak <= MAX_PER_HOST);
        assertThat(over).as("hosts that had more than warta.poll.max-per-host=%d requests in flight at once, "
                + "counting both processes (host → most at once)", MAX_PER_HOST).isEmpty();
    }

    @Test
    @Order(5)
    void aWriteThroughOneProcessIsServedByTheOtherWithinTwoSeconds() {
        assertServedByTheOther(a, b);
        assertServedByTheOther(b, a);
    }

    private static void assertServedByTheOther(WartaProcess writer, WartaProcess reader) {
        // The reader has rendered the feed before the write: what it serves afterwards shows its cache follows.
        assertThat(reader.allAtomTitles()).isNotEmpty();
        String title = "Tulisan Lewat Proses " + writer.name.toUpperCase() + " Dibaca di Proses " + reader.name.toUpperCase();
        expect(201, writer.postArticle(deskArticle(title, writer.name.toUpperCase(), null), Instant.now()));
        await(reader.name + " serves what " + writer.name + " stored").atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50)).until(() -> reader.allAtomTitles().contains(title));
    }

    @Test
    @Order(6)
    void aRefreshJoinsAFetchRunningInTheOtherProcess() throws Exception {
        String path = "/lambat/refresh.xml";
        refreshHost.holdUntilReleased(path);
        String url = refreshHost.feed(path, SlowUpstream.Format.ATOM, ITEMS);
        long id = b.subscribe(url);
        await("B's fetch reaches the upstream").atMost(Duration.ofSeconds(15)).until(() -> refreshHost.hits(path) == 1);
        assertThat(b.metric("warta_poll_in_flight")).as("fetches running in B").isEqualTo(1);

        CompletableFuture<HttpResponse<String>> refresh = CompletableFuture.supplyAsync(() -> a.post("/api/sources/" + id + "/refresh"));
        try {
            // A refresh that joins waits for the upstream; one that does not answers at once. Either ends this.
            await().atMost(Duration.ofSeconds(1)).until(refresh::isDone);
        } catch (ConditionTimeoutException waiting) {
            // waiting for B's fetch, as it should: now let the upstream answer
        }
        refreshHost.release(path);
        HttpResponse<String> answer = refresh.get(60, TimeUnit.SECONDS);
        await("B's fetch recorded").atMost(Duration.ofSeconds(30)).until(() -> a.source(id).get("lastFetchedAt") != null);

        assertThat(answer.statusCode()).as("A's refresh of source %d while B fetches it answered %s", id, answer.body())
                .isEqualTo(200);
        Map<String, Object> report = json(answer);
        assertThat(report).containsEntry("outcome", "fetched").containsEntry("newEntries", ITEMS);
        assertThat(refreshHost.hits(path)).as("requests the upstream saw for source %d", id).isEqualTo(1);
    }

    @Test
    @Order(7)
    void afterBIsKilledAFinishesItsClaimsOnceTheirLeaseEnds() {
        List<String> paths = List.of("/lambat/macet-1.xml", "/lambat/macet-2.xml");
        List<Long> ids = new ArrayList<>();
        for (String path : paths) {
            crashHost.holdUntilReleased(path);
            ids.add(b.subscribe(crashHost.feed(path, SlowUpstream.Format.RSS, ITEMS)));
        }
        await("B's fetches reach the upstream").atMost(Duration.ofSeconds(15))
                .until(() -> paths.stream().allMatch(p -> crashHost.hits(p) == 1));
        assertThat(b.metric("warta_poll_in_flight")).as("fetches running in B").isEqualTo(paths.size());

        long pid = b.pid();
        int exit = b.kill();
        assertThat(exit).as("exit code of B after SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("B (pid %d) alive", pid).isFalse();
        crashHost.releaseAll();

        await("A fetches the sources B held once their lease (" + LEASE + ") ends").atMost(LEASE.multipliedBy(6))
                .untilAsserted(() -> assertThat(ids).allSatisfy(id -> assertThat(a.source(id).get("lastOutcome"))
                        .as("last outcome of source %d", id).isEqualTo("fetched")));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(a.source(ids.get(i)).get("entries")).as("entries of source %d", ids.get(i)).isEqualTo(ITEMS);
            assertThat(crashHost.hits(paths.get(i))).as("requests for %s: B's, then A's", paths.get(i)).isEqualTo(2);
        }
    }

    // --- the first poll cycle, awaited once for the methods that look at it

    private static synchronized List<Map<String, Object>> firstCycle() {
        if (firstCycleFailed != null) {
            throw firstCycleFailed;
        }
        if (afterFirstCycle == null) {
            try {
                awaitFirstCycle();
            } catch (RuntimeException e) {
                firstCycleFailed = e;
                throw e;
            }
            afterFirstCycle = a.sources();
        }
        return afterFirstCycle;
    }

    private static void awaitFirstCycle() {
        await("every imported source fetched once").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!a.alive() || !b.alive()) {
                        throw new IllegalStateException("a process exited: A alive " + a.alive() + ", B alive " + b.alive());
                    }
                    List<Map<String, Object>> sources = a.sources();
                    return sources.size() == SOURCES && sources.stream().allMatch(s -> s.get("lastFetchedAt") != null)
                            && hosts.stream().allMatch(h -> h.inFlight() == 0);
                });
    }

    // --- what is posted

    private static String opml() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Langganan uji dua proses</title></head>
                  <body>
                """);
        for (Feed feed : feeds.values()) {
            xml.append("    <outline type=\"rss\" text=\"").append(feed.upstream().host()).append(feed.path())
                    .append("\" xmlUrl=\"").append(feed.url()).append("\"/>\n");
        }
        return xml.append("  </body>\n</opml>\n").toString();
    }

    private static String deskArticle(String title, String via, String related) {
        return title + "\n"
                + "Artikel uji yang dikirim lewat proses " + via + " untuk memeriksa klaster dua proses Warta.\n"
                + "Penulis: Tim Uji\n"
                + "Editor: Tim Uji\n"
                + "WARTA.TEST, JAKARTA - Paragraf pertama artikel uji ini dikirim lewat proses " + via + ".\n"
                + "Paragraf kedua menjelaskan bahwa proses yang lain harus menyajikannya dengan segera.\n"
                + (related == null ? "" : related + "\n")
                + "Paragraf terakhir menutup artikel uji ini.\n";
    }

    private static String resource(String name) {
        try (InputStream in = TwoProcessIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- leaving nothing behind

    private static synchronized void killEverything() {
        for (WartaProcess p : new WartaProcess[] { b, a }) {
            if (p != null) {
                p.stop();
            }
        }
        // A stops its PostgreSQL when it shuts down; a PostgreSQL left by a crash of A is stopped here.
        if (database != null) {
            database.stopLeftovers();
        }
        if (hosts != null) {
            Stream.concat(hosts.stream(), Stream.of(refreshHost, crashHost)).forEach(SlowUpstream::close);
            hosts = null;
        }
    }
}
