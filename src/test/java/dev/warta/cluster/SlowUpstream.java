package dev.warta.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import dev.warta.FakeSite;

/**
 * One upstream host for the cluster test: a {@link FakeSite} on its own loopback address whose feeds answer
 * slowly (each answer is held for {@code hold}), so that fetches overlap, or not until the test releases them.
 * It records how many requests were in flight at once at most, which is what a per-host politeness bound
 * promises, and (through the site) the hits per path.
 */
final class SlowUpstream implements AutoCloseable {

    enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String romeType;
        final String contentType;

        Format(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }
    }

    /** Never counted down: awaiting it with a timeout holds an answer for that long. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);

    private final FakeSite site;
    private final String host;
    private final Duration hold;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> arrivals = new ConcurrentHashMap<>();

    SlowUpstream(String address, Duration hold) {
        this.site = new FakeSite(address);
        this.host = address;
        this.hold = hold;
    }

    /** Binds one upstream per address; when 127.0.0.x cannot be bound here, all on 127.0.0.1 (distinct ports). */
    static List<SlowUpstream> onAddresses(int first, int count, Duration hold) {
        List<SlowUpstream> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String address = "127.0.0." + (first + i);
            SlowUpstream upstream;
            try {
                upstream = new SlowUpstream(address, hold);
            } catch (RuntimeException cannotBind) {
                System.err.println("Cannot bind " + address + " (" + cannotBind + "); using 127.0.0.1 with its own port, "
                        + "so per-host bounds are not exercised for this host");
                upstream = new SlowUpstream("127.0.0.1", hold);
            }
            hosts.add(upstream);
        }
        return hosts;
    }

    String host() {
        return host;
    }

    /** Serves a feed of {@code items} items at {@code path}, held like every answer here; returns its URL. */
    String feed(String path, Format format, int items) {
        byte[] body = document(path, format, items);
        site.route(path, exchange -> {
            arrivals.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(Instant.now());
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                CountDownLatch gate = gates.get(path);
                if (gate != null) {
                    gate.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    NEVER.await(hold.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                // Before the answer is sent: once the client has it, it may start its next request here.
                inFlight.decrementAndGet();
            }
            FakeSite.send(exchange, 200, format.contentType, body);
        });
        return site.url(path);
    }

    /** Requests for {@code path} wait (up to a minute) until {@link #release}. */
    void holdUntilReleased(String path) {
        gates.put(path, new CountDownLatch(1));
    }

    void release(String path) {
        CountDownLatch gate = gates.get(path);
        if (gate != null) {
            gate.countDown();
        }
    }

    void releaseAll() {
        gates.values().forEach(CountDownLatch::countDown);
    }

    /** Requests that arrived for this path, answered or not. */
    int hits(String path) {
        return site.hits(path);
    }

    /** When the requests for this path arrived. */
    List<Instant> arrivals(String path) {
        return arrivals.getOrDefault(path, List.of());
    }

    int inFlight() {
        return inFlight.get();
    }

    /** The most requests this host had in flight at one moment. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    private byte[] document(String path, Format format, int items) {
        String base = site.base();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle("Kabar " + host + path);
        feed.setLink(base + path);
        feed.setUri(base + path);
        feed.setDescription("Feed uji di " + host);
        Instant newest = Instant.now().minus(Duration.ofMinutes(30));
        feed.setPublishedDate(Date.from(newest));
        List<SyndEntry> entries = new ArrayList<>();
        for (int k = 1; k <= items; k++) {
            String link = base + path + "/berita/" + k;
            Date published = Date.from(newest.minus(Duration.ofHours(k)));
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle("Kabar " + host + " " + path + " nomor " + k);
            entry.setLink(link);
            entry.setUri(link);
            entry.setAuthor("Redaksi " + host);
            entry.setPublishedDate(published);
            entry.setUpdatedDate(published);
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue("Ringkasan berita nomor " + k + " dari " + host + path + ".");
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        releaseAll();
        site.close();
    }

    @Override
    public String toString() {
        return host + " (" + site.base() + ")";
    }
}
