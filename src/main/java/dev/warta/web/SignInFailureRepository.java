package dev.warta.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The {@code sign_in_failure} table: one row per failed sign-in, counted over a sliding window by the database's
 * clock, which every Warta process shares.
 */
@ApplicationScoped
public class SignInFailureRepository {

    /** Failures within the window: the client's and everyone's, and how long until the oldest of each leaves it. */
    public record Counts(long client, long overall, Duration clientRetry, Duration overallRetry) {
    }

    private final EntityManager em;

    SignInFailureRepository(EntityManager em) {
        this.em = em;
    }

    /** Holds the client's tries one after another until the transaction ends, in every process. */
    public void lock(String client) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('warta.sign-in:' || ?1, 0))")
                .setParameter(1, client).getSingleResult();
    }

    public Counts count(String client, Duration window) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*) filter (where client = ?1), count(*),
                       extract(epoch from min(failed_at) filter (where client = ?1) + make_interval(secs => ?2) - now()),
                       extract(epoch from min(failed_at) + make_interval(secs => ?2) - now())
                from sign_in_failure where failed_at > now() - make_interval(secs => ?2)""")
                .setParameter(1, client).setParameter(2, (double) window.toMillis() / 1000).getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), duration(row[2]), duration(row[3]));
    }

    public void insert(String client) {
        em.createNativeQuery("insert into sign_in_failure (client) values (?1)").setParameter(1, client).executeUpdate();
    }

    /** Forgets the client's failures (it signed in). */
    public int deleteOf(String client) {
        return em.createNativeQuery("delete from sign_in_failure where client = ?1").setParameter(1, client).executeUpdate();
    }

    /** Failures that no longer count. */
    public int deleteOlderThan(Duration window) {
        return em.createNativeQuery("delete from sign_in_failure where failed_at <= now() - make_interval(secs => ?1)")
                .setParameter(1, (double) window.toMillis() / 1000).executeUpdate();
    }

    private static Duration duration(Object seconds) {
        return seconds == null ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(((Number) seconds).doubleValue() * 1000));
    }
}
