package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;
import dev.warta.source.ClaimedSource;
import dev.warta.source.SourceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Claims sources for fetching. A claim is a lease written in the row ({@code lease_until}, {@code lease_owner})
 * in a short transaction of its own; rows are picked with {@code for update skip locked}, so claimers in any
 * number of Warta processes never pick the same row, and the lease keeps the others off while the fetch runs
 * outside any transaction. A crashed poller's leases simply expire.
 */
@ApplicationScoped
public class SourceClaims {

    /** Identifies this process in lease owners, for logs and for releasing its leases at shutdown. */
    static final String PROCESS = UUID.randomUUID().toString().substring(0, 8);

    private final SourceRepository sources;
    private final Duration lease;

    SourceClaims(SourceRepository sources, WartaConfig config) {
        this.sources = sources;
        this.lease = config.poll().lease();
    }

    /** Up to {@code limit} sources due at {@code now}, oldest due first, leased to the caller. */
    public List<ClaimedSource> claimDue(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> sources.claimDue(now, limit, now.plus(lease), owner()));
    }

    /**
     * This source, whatever its schedule or state, unless another fetch holds it. Empty when it does not exist
     * or is being fetched.
     */
    public Optional<ClaimedSource> claim(long id, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> sources.claim(id, now, now.plus(lease), owner()));
    }

    /**
     * Restarts the lease of a claimed source as its fetch begins, so that the time a claim waited in the
     * dispatcher's queue (behind the per-host bound) does not count against it. False when the lease ran out
     * while it waited and another poller, maybe in another process, holds the source now: then this claim must
     * not fetch.
     */
    public boolean renew(ClaimedSource source, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> renewInTransaction(source, now));
    }

    /** {@link #renew} in the caller's transaction. */
    boolean renewInTransaction(ClaimedSource source, Instant now) {
        return sources.renewLease(source.id(), source.lease(), now.plus(lease));
    }

    /** Keeps these claims' leases alive while they wait or fetch; those that ran out meanwhile stay lost. */
    public void renew(Collection<ClaimedSource> held, Instant now) {
        if (held.isEmpty()) {
            return;
        }
        List<Long> ids = held.stream().map(ClaimedSource::id).toList();
        List<String> leases = held.stream().map(ClaimedSource::lease).toList();
        QuarkusTransaction.requiringNew().run(() -> sources.renewLeases(ids, leases, now.plus(lease)));
    }

    /** How often {@link #renew} runs: a third of the lease, so two late renewals do not lose a claim. */
    public Duration renewEvery() {
        return lease.dividedBy(3).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : lease.dividedBy(3);
    }

    /** Sources due now and not being fetched: the poller's backlog. */
    public long dueCount(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> sources.countDue(now));
    }

    /** Gives up this process's leases (at shutdown), so another process can fetch those sources at once. */
    public int releaseOwn() {
        return QuarkusTransaction.requiringNew().call(() -> sources.releaseLeases(PROCESS + ":"));
    }

    private static String owner() {
        return PROCESS + ":" + UUID.randomUUID();
    }
}
