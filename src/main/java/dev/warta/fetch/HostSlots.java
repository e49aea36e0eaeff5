package dev.warta.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Politeness: at most {@code warta.poll.max-per-host} fetches in flight against one host. A caller takes a
 * slot around the fetches that must count (upstream feeds, article pages) and closes it when the answer is
 * in; fetches that must not wait for a host (WebSub deliveries to subscribers) take none.
 * {@link ClusterHostSlots} counts for every Warta process on the database.
 */
public interface HostSlots {

    /** A slot of this host now, or empty when all are taken: the caller queues and tries again later. */
    Optional<HostSlot> tryAcquire(String host);

    /** A slot of this host, waiting up to {@code wait} for one; {@code TIMEOUT} when none came free. */
    HostSlot acquire(String host, Duration wait) throws FetchException;

    /** What slots are counted by: the host, lower case; ports and schemes of one host share its slots. */
    static String hostOf(URI url) {
        String host = url.getHost();
        return host == null ? url.toString() : host.toLowerCase(Locale.ROOT);
    }

    /** Slots that bound nothing, for fetchers and dispatchers used without a database (tests, benchmarks). */
    static HostSlots unbounded() {
        return new HostSlots() {
            @Override
            public Optional<HostSlot> tryAcquire(String host) {
                return Optional.of(new HostSlot(host, () -> {
                }));
            }

            @Override
            public HostSlot acquire(String host, Duration wait) {
                return new HostSlot(host, () -> {
                });
            }
        };
    }
}
