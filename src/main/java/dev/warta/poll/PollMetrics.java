package dev.warta.poll;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The poller's Micrometer meters: {@code warta.poll.fetches{outcome}}, {@code warta.poll.entries{change}},
 * {@code warta.poll.fetch.duration}, and the gauges {@code warta.poll.due} (sources due and not claimed, as
 * of the last tick) and {@code warta.poll.in.flight}.
 */
@ApplicationScoped
public class PollMetrics {

    private final MeterRegistry registry;
    private final Counter newEntries;
    private final Counter updatedEntries;
    private final Timer fetchTime;
    private final Counter documentsRead;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();

    PollMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.newEntries = Counter.builder("warta.poll.entries").tag("change", "new")
                .description("Upstream items stored as entries").register(registry);
        this.updatedEntries = Counter.builder("warta.poll.entries").tag("change", "updated")
                .description("Entries updated because their upstream item changed").register(registry);
        this.fetchTime = Timer.builder("warta.poll.fetch.duration")
                .description("Time to fetch, read and store one source").register(registry);
        this.documentsRead = Counter.builder("warta.poll.documents.read")
                .description("Upstream documents handed to the feed reader (a 304 hands none)").register(registry);
        registry.gauge("warta.poll.due", due);
        registry.gauge("warta.poll.in.flight", inFlight);
    }

    void fetched(PollReport report, long nanos) {
        Counter.builder("warta.poll.fetches").tag("outcome", report.outcome())
                .description("Fetches of upstream sources by outcome").register(registry).increment();
        newEntries.increment(report.newEntries());
        updatedEntries.increment(report.updatedEntries());
        fetchTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void documentRead() {
        documentsRead.increment();
    }

    public double documentsRead() {
        return documentsRead.count();
    }

    void due(long count) {
        due.set(count);
    }

    public long due() {
        return due.get();
    }

    void inFlight(long count) {
        inFlight.set(count);
    }
}
