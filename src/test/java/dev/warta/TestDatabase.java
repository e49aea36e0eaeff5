package dev.warta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.publish.FeedVersions;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Empties Warta's tables between tests, and counts rows to show that a refused request stored nothing. */
@ApplicationScoped
public class TestDatabase {

    private final EntityManager em;
    private final FeedVersions feedVersions;

    TestDatabase(EntityManager em, FeedVersions feedVersions) {
        this.em = em;
        this.feedVersions = feedVersions;
    }

    public void clear() {
        // Background work of the app (the topic count folder, host-slot renewals) may hold a lock on one of these
        // tables while wanting another the truncate took already: PostgreSQL then breaks the deadlock by failing
        // one side. The truncate is the side that may simply run again.
        for (int attempt = 1; ; attempt++) {
            try {
                truncate();
                break;
            } catch (RuntimeException e) {
                if (attempt >= 5 || !deadlock(e)) {
                    throw e;
                }
            }
        }
        // Versions restart at 1: the truncate trigger tells every process, this one synchronously here so
        // the next request of the test cannot see a feed rendered before.
        feedVersions.reset();
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "40P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void truncate() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("truncate related_link, entry_topic, source_item, source_topic, topic_rule, entry, source, topic, "
                    + "feed_version, admin_session, websub_subscription, host_slot, sign_in_failure cascade")
                    .executeUpdate();
            em.createNativeQuery("insert into feed_version (feed_key) values ('all')").executeUpdate();
        });
    }

    public long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table)
                .getSingleResult()).longValue());
    }

    /** Runs a statement, e.g. to age a session; returns the rows it changed. */
    public int execute(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).executeUpdate());
    }

    public String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(sql).getSingleResult()));
    }

    /** Row counts of every table ingest writes, to compare before and after a request. */
    public String snapshot() {
        return "entry=" + count("entry") + " topic=" + count("topic") + " entry_topic=" + count("entry_topic")
                + " related_link=" + count("related_link") + " feed_version=" + sum("select coalesce(sum(version),0) from feed_version");
    }

    private long sum(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
