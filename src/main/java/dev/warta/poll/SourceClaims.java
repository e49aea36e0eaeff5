package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.WartaConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Claims sources for fetching. A claim is a lease written in the row ({@code lease_until}, {@code lease_owner})
 * in a short transaction of its own; rows are picked with {@code for update skip locked}, so claimers in any
 * number of Warta processes never pick the same row, and the lease keeps the others off while the fetch runs
 * outside any transaction. A crashed poller's leases simply expire.
 */
@ApplicationScoped
public class SourceClaims {

    private static final String RETURNING = """
            returning s.id, s.url, s.etag, s.last_modified, s.title, s.custom_title, s.site_url, s.consecutive_errors,
                      s.poll_interval_seconds, s.retention_max_entries, s.retention_max_age_days, s.lease_owner""";

    /** Identifies this process in lease owners, for logs and for releasing its leases at shutdown. */
    static final String PROCESS = UUID.randomUUID().toString().substring(0, 8);

    private final EntityManager em;
    private final Duration lease;

    SourceClaims(EntityManager em, WartaConfig config) {
        this.em = em;
        this.lease = config.poll().lease();
    }

    /** Up to {@code limit} sources due at {@code now}, oldest due first, leased to the caller. */
    public List<ClaimedSource> claimDue(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> rows(em.createNativeQuery("""
                with due as (
                    select id from source
                    where state in ('active', 'failing') and next_poll_at <= ?1 and (lease_until is null or lease_until < ?1)
                    order by next_poll_at, id
                    limit ?2
                    for update skip locked)
                update source s set lease_until = ?3, lease_owner = ?4 || ':' || s.id
                from due where s.id = due.id
                """ + RETURNING)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, now.plus(lease))
                .setParameter(4, PROCESS + ":" + UUID.randomUUID())
                .getResultList()));
    }

    /**
     * This source, whatever its schedule or state, unless another fetch holds it. Empty when it does not exist
     * or is being fetched.
     */
    public Optional<ClaimedSource> claim(long id, Instant now) {
        List<ClaimedSource> claimed = QuarkusTransaction.requiringNew().call(() -> rows(em.createNativeQuery("""
                update source s set lease_until = ?2, lease_owner = ?3
                where s.id = ?1 and (s.lease_until is null or s.lease_until < ?4)
                """ + RETURNING)
                .setParameter(1, id)
                .setParameter(2, now.plus(lease))
                .setParameter(3, PROCESS + ":" + UUID.randomUUID())
                .setParameter(4, now)
                .getResultList()));
        return claimed.stream().findFirst();
    }

    /** Sources due now and not being fetched: the poller's backlog. */
    public long dueCount(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from source where state in ('active', 'failing') and next_poll_at <= ?1
                and (lease_until is null or lease_until < ?1)""").setParameter(1, now).getSingleResult()).longValue());
    }

    /** Gives up this process's leases (at shutdown), so another process can fetch those sources at once. */
    public int releaseOwn() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "update source set lease_until = null, lease_owner = null where lease_owner like ?1")
                .setParameter(1, PROCESS + ":%").executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<ClaimedSource> rows(List<?> result) {
        List<Object[]> rows = (List<Object[]>) result;
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Set<Long>> topics = new HashMap<>();
        List<Object[]> pairs = em.createNativeQuery("select source_id, topic_id from source_topic where source_id = any(cast(?1 as bigint[]))")
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
        for (Object[] p : pairs) {
            topics.computeIfAbsent(((Number) p[0]).longValue(), k -> new HashSet<>()).add(((Number) p[1]).longValue());
        }
        List<ClaimedSource> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            claimed.add(new ClaimedSource(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], ((Number) r[7]).intValue(), integer(r[8]), integer(r[9]), integer(r[10]),
                    topics.getOrDefault(id, Set.of()), (String) r[11]));
        }
        return claimed;
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
