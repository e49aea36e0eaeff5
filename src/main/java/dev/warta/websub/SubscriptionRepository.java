package dev.warta.websub;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.FeedKey;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepository<Subscription> {

    /** A subscription claimed for one delivery attempt, with the feed version it is due for. */
    public record Due(long id, String callback, String topic, FeedKey feedKey, String secret, long version, int attempts,
            Instant failingSince) {
    }

    public Optional<Subscription> find(String callback, String topic) {
        return find("callback = ?1 and topic = ?2", callback, topic).firstResultOptional();
    }

    /**
     * Verified (again): the lease starts now. A new subscription counts the feed's current version as
     * delivered, so the first push is the next change; a renewal keeps its delivery state.
     */
    public void upsertVerified(String callback, String topic, FeedKey feedKey, String secret, int leaseSeconds, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into websub_subscription (callback, topic, feed_key, secret, lease_seconds, expires_at, created_at,
                                                 verified_at, delivered_version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, coalesce((select version from feed_version where feed_key = ?3), 0))
                on conflict (callback, topic) do update set
                    secret = excluded.secret, lease_seconds = excluded.lease_seconds, expires_at = excluded.expires_at,
                    verified_at = excluded.verified_at, feed_key = excluded.feed_key
                """)
                .setParameter(1, callback).setParameter(2, topic).setParameter(3, feedKey.stored()).setParameter(4, secret)
                .setParameter(5, leaseSeconds).setParameter(6, now.plusSeconds(leaseSeconds)).setParameter(7, now)
                .executeUpdate();
    }

    public long deleteSubscription(String callback, String topic) {
        return delete("callback = ?1 and topic = ?2", callback, topic);
    }

    /** Drops subscriptions whose lease ran out; how many. */
    public int deleteExpired(Instant now) {
        return getEntityManager().createNativeQuery("delete from websub_subscription where expires_at <= ?1")
                .setParameter(1, now).executeUpdate();
    }

    /**
     * Claims up to {@code limit} subscriptions whose feed moved past what they were sent and whose next
     * attempt is due, for {@code hold}: until then no other sweep (in this or another process) takes them.
     */
    @SuppressWarnings("unchecked")
    public List<Due> claimDue(Instant now, Duration hold, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                update websub_subscription s set next_attempt_at = ?2
                from feed_version v
                where v.feed_key = s.feed_key and s.id in (
                    select d.id from websub_subscription d join feed_version dv on dv.feed_key = d.feed_key
                    where dv.version > d.delivered_version and d.expires_at > ?1
                      and (d.next_attempt_at is null or d.next_attempt_at <= ?1)
                    order by d.next_attempt_at nulls first, d.id
                    limit ?3
                    for update of d skip locked)
                returning s.id, s.callback, s.topic, s.feed_key, s.secret, v.version, s.attempts, s.failing_since
                """)
                .setParameter(1, now).setParameter(2, now.plus(hold)).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                FeedKey.parse((String) r[3]).orElseThrow(),
                (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).intValue(), instant(r[7]))).toList();
    }

    public void delivered(long id, long version) {
        getEntityManager().createNativeQuery("""
                update websub_subscription set delivered_version = greatest(delivered_version, ?2), attempts = 0,
                    failing_since = null, next_attempt_at = null, last_error = null
                where id = ?1
                """).setParameter(1, id).setParameter(2, version).executeUpdate();
    }

    public void failed(long id, int attempts, Instant failingSince, Instant nextAttempt, String error) {
        getEntityManager().createNativeQuery("""
                update websub_subscription set attempts = ?2, failing_since = ?3, next_attempt_at = ?4, last_error = ?5
                where id = ?1
                """).setParameter(1, id).setParameter(2, attempts).setParameter(3, failingSince)
                .setParameter(4, nextAttempt).setParameter(5, error).executeUpdate();
    }

    /** Retries ran out: this content is skipped for the subscriber, the next change is tried afresh. */
    public void gaveUp(long id, long version, String error) {
        getEntityManager().createNativeQuery("""
                update websub_subscription set delivered_version = greatest(delivered_version, ?2), attempts = 0,
                    failing_since = null, next_attempt_at = null, last_error = ?3
                where id = ?1
                """).setParameter(1, id).setParameter(2, version).setParameter(3, error).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }
}
