package dev.warta.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import dev.warta.source.ClaimedSource;
import dev.warta.ingest.ItemDraft;
import dev.warta.ingest.UpstreamBatch;
import dev.warta.ingest.UpstreamIngest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two Warta processes on one database, played by two threads with their own transactions and connections:
 * they never claim the same due source, and concurrent ingest of the same items stores each once.
 */
@QuarkusTest
class TwoPollersTest {

    static final int SOURCES = 200;

    @Inject
    TestDatabase db;

    @Inject
    SourceClaims claims;

    @Inject
    PollService polls;

    @Inject
    UpstreamIngest ingest;

    @Inject
    EntityManager em;

    FakeSite upstream;
    ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() {
        db.clear();
        upstream = new FakeSite();
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        upstream.close();
    }

    private static byte[] feed(int n) {
        String shared = "<item><guid>shared-" + n + "</guid><title>Berita Bersama</title>"
                + "<link>https://bersama.example.com/berita?utm_source=s" + n + "</link>"
                + "<pubDate>Mon, 19 Dec 2022 10:00:00 GMT</pubDate></item>";
        return FeedFixtures.rss("Sumber " + n, "https://s" + n + ".example.com/", 2, 0, Instant.parse("2022-12-19T10:00:00Z"), shared);
    }

    @Test
    void twoPollersFetchEachDueSourceExactlyOnceAndStoreNoEntryTwice() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            String path = "/s/" + i + ".xml";
            upstream.serve(path, "application/rss+xml", feed(i));
            urls.add(upstream.url(path));
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into source (url, state, next_poll_at, created_at)
                select u, 'active', now() - interval '1 minute', now() from unnest(cast(?1 as text[])) as u""")
                .setParameter(1, urls.toArray(String[]::new)).executeUpdate());

        CyclicBarrier start = new CyclicBarrier(2);
        List<List<Long>> claimedBy = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        List<Future<Integer>> pollers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            List<Long> mine = claimedBy.get(p);
            pollers.add(threads.submit(() -> {
                start.await();
                int fetched = 0;
                while (true) {
                    List<ClaimedSource> batch = claims.claimDue(Instant.now(), 7);
                    if (batch.isEmpty()) {
                        return fetched;
                    }
                    for (ClaimedSource source : batch) {
                        mine.add(source.id());
                        assertThat(polls.poll(source).outcome()).isEqualTo("fetched");
                        fetched++;
                    }
                }
            }));
        }
        int total = 0;
        for (Future<Integer> poller : pollers) {
            total += poller.get(120, TimeUnit.SECONDS);
        }

        assertThat(total).isEqualTo(SOURCES);
        Set<Long> first = new HashSet<>(claimedBy.get(0));
        Set<Long> second = new HashSet<>(claimedBy.get(1));
        assertThat(first).as("both pollers worked").isNotEmpty();
        assertThat(second).isNotEmpty();
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(upstream.allHits().values()).hasSize(SOURCES).allMatch(n -> n == 1);
        assertThat(db.count("entry")).as("2 own items per source + 1 shared article").isEqualTo(2L * SOURCES + 1);
        assertThat(db.count("source_item")).isEqualTo(3L * SOURCES);
        assertThat(claims.claimDue(Instant.now(), 10)).as("nothing is due any more").isEmpty();
    }

    @Test
    void concurrentIngestOfTheSameItemsStoresEachOnce() throws Exception {
        long[] sourceIds = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into source (url, state, created_at) values ('http://a.example/f', 'active', now()), "
                    + "('http://b.example/f', 'active', now())").executeUpdate();
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select id from source order by id").getResultList();
            return new long[] { ids.get(0).longValue(), ids.get(1).longValue() };
        });
        List<ItemDraft> items = new ArrayList<>();
        Instant date = Instant.parse("2022-12-19T10:00:00Z");
        for (int i = 0; i < 300; i++) {
            items.add(new ItemDraft("guid-" + i, "Berita " + i, "https://same.example.com/" + i, "Ringkasan " + i,
                    "<p>Isi " + i + "</p>", null, date.minusSeconds(i), date.minusSeconds(i), List.of()));
        }
        UpstreamBatch.Retention retention = new UpstreamBatch.Retention(1000, Duration.ofDays(36500));
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            // Two writers per source: the same source fetched twice at once, and the same items in two sources.
            long sourceId = sourceIds[w % 2];
            Callable<Object> task = () -> {
                start.await();
                return ingest.ingest(new UpstreamBatch(sourceId, "S", "http://x.example/f", null, Set.of(), items, retention,
                        Instant.now()));
            };
            writers.add(threads.submit(task));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        assertThat(db.count("entry")).isEqualTo(300);
        assertThat(db.count("source_item")).isEqualTo(600);
        String unlinked = QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select count(*) from source_item where entry_id is null").getSingleResult()));
        assertThat(unlinked).isEqualTo("0");
    }
}
