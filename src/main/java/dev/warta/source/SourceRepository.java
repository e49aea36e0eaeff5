package dev.warta.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * The statements on {@code source} (and its {@code source_topic} rows): the API's reads and the poller's
 * claims and results. Each runs in the caller's transaction. Every poll result is written only while the
 * source still carries the writer's lease ({@code … where lease_owner = ?}), so a poller whose lease expired
 * cannot overwrite a newer result; those methods say whether the row was written.
 */
@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    private static final String RETURNING_CLAIM = """
            returning s.id, s.url, s.etag, s.last_modified, s.title, s.custom_title, s.site_url, s.consecutive_errors,
                      s.poll_interval_seconds, s.retention_max_entries, s.retention_max_age_days, s.lease_owner""";

    /** The end of every poll result but a read feed's: no entries stored, one more result, the lease given up. */
    private static final String NOTHING_STORED = """
            last_new_entries = 0, last_updated_entries = 0, last_unchanged_entries = 0, last_too_old_entries = 0,
                   poll_count = poll_count + 1, lease_until = null, lease_owner = null
            """;

    private final SourceTopicRepository sourceTopics;

    SourceRepository(SourceTopicRepository sourceTopics) {
        this.sourceTopics = sourceTopics;
    }

    public Optional<Source> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /**
     * Subscribes, in one statement, to each of these addresses that no source follows yet: active and due at
     * {@code now}. Returns the new sources' ids by address; an address followed already (or inserted meanwhile
     * by a concurrent request) is not among them.
     */
    public Map<String, Long> insertMissing(List<OpmlSubscriptions.Subscription> wanted, Instant now) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                insert into source (url, title, site_url, state, created_at, next_poll_at)
                select u, t, s, 'active', ?4, ?4 from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?3 as text[])) as x(u, t, s)
                on conflict (url) do nothing
                returning url, id""")
                .setParameter(1, wanted.stream().map(OpmlSubscriptions.Subscription::url).toArray(String[]::new))
                .setParameter(2, wanted.stream().map(OpmlSubscriptions.Subscription::title).toArray(String[]::new))
                .setParameter(3, wanted.stream().map(OpmlSubscriptions.Subscription::siteUrl).toArray(String[]::new))
                .setParameter(4, now)
                .getResultList();
        return idsByUrl(rows);
    }

    /** The ids of the sources at these addresses. */
    public Map<String, Long> findIdsByUrl(List<String> urls) {
        if (urls.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select url, id from source where url = any(cast(?1 as text[]))")
                .setParameter(1, urls.toArray(String[]::new)).getResultList();
        return idsByUrl(rows);
    }

    private static Map<String, Long> idsByUrl(List<Object[]> rows) {
        Map<String, Long> ids = new HashMap<>();
        for (Object[] r : rows) {
            ids.put((String) r[0], ((Number) r[1]).longValue());
        }
        return ids;
    }

    /** Every source with its topics, in one query. */
    public List<Source> listAll() {
        return find("select distinct s from Source s left join fetch s.topics order by s.id").list();
    }

    /** Up to {@code limit} sources with an id above {@code after}, by id: a keyset page, its topics not loaded. */
    public List<Source> listAfter(long after, int limit) {
        return find("id > ?1 order by id", after).range(0, limit - 1).list();
    }

    /** Another source's id at this address. */
    public Optional<Long> findIdByUrlExcept(String url, long except) {
        return em().createNativeQuery("select id from source where url = ?1 and id <> ?2")
                .setParameter(1, url).setParameter(2, except).getResultList().stream()
                .findFirst().map(o -> ((Number) o).longValue());
    }

    /** Makes every active or failing source due at {@code now}; returns how many. */
    public int makeActiveDue(Instant now) {
        return em().createNativeQuery("update source set next_poll_at = ?1 where state in ('active', 'failing')")
                .setParameter(1, now).executeUpdate();
    }

    /**
     * Leases up to {@code limit} sources due at {@code now}, oldest due first, skipping rows another claimer
     * has locked; each lease's owner is {@code owner:id}.
     */
    public List<ClaimedSource> claimDue(Instant now, int limit, Instant leaseUntil, String owner) {
        return claimed(em().createNativeQuery("""
                with due as (
                    select id from source
                    where state in ('active', 'failing') and next_poll_at <= ?1 and (lease_until is null or lease_until < ?1)
                    order by next_poll_at, id
                    limit ?2
                    for update skip locked)
                update source s set lease_until = ?3, lease_owner = ?4 || ':' || s.id
                from due where s.id = due.id
                """ + RETURNING_CLAIM)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, leaseUntil)
                .setParameter(4, owner)
                .getResultList());
    }

    /** Leases this source whatever its schedule or state, unless a lease that has not expired holds it. */
    public Optional<ClaimedSource> claim(long id, Instant now, Instant leaseUntil, String owner) {
        return claimed(em().createNativeQuery("""
                update source s set lease_until = ?2, lease_owner = ?3
                where s.id = ?1 and (s.lease_until is null or s.lease_until < ?4)
                """ + RETURNING_CLAIM)
                .setParameter(1, id)
                .setParameter(2, leaseUntil)
                .setParameter(3, owner)
                .setParameter(4, now)
                .getResultList()).stream().findFirst();
    }

    /**
     * Moves the end of a lease the caller still holds to {@code leaseUntil}; false when it holds it no longer
     * (it ran out and another claimer took the source).
     */
    public boolean renewLease(long id, String lease, Instant leaseUntil) {
        return em().createNativeQuery("update source set lease_until = ?3 where id = ?1 and lease_owner = ?2")
                .setParameter(1, id)
                .setParameter(2, lease)
                .setParameter(3, leaseUntil)
                .executeUpdate() == 1;
    }

    /** {@link #renewLease} for many claims at once: the ids and their lease tokens, pairwise. */
    public int renewLeases(List<Long> ids, List<String> leases, Instant leaseUntil) {
        return em().createNativeQuery("""
                update source s set lease_until = ?3 from unnest(cast(?1 as bigint[]), cast(?2 as text[])) as held(id, lease)
                where s.id = held.id and s.lease_owner = held.lease""")
                .setParameter(1, ids.toArray(Long[]::new))
                .setParameter(2, leases.toArray(String[]::new))
                .setParameter(3, leaseUntil)
                .executeUpdate();
    }

    /** Sources due at {@code now} and not leased: the pollers' backlog. */
    public long countDue(Instant now) {
        return ((Number) em().createNativeQuery("""
                select count(*) from source where state in ('active', 'failing') and next_poll_at <= ?1
                and (lease_until is null or lease_until < ?1)""").setParameter(1, now).getSingleResult()).longValue();
    }

    /** Gives up the leases whose owner starts with {@code ownerPrefix}. */
    public int releaseLeases(String ownerPrefix) {
        return em().createNativeQuery("update source set lease_until = null, lease_owner = null where lease_owner like ?1")
                .setParameter(1, ownerPrefix + "%").executeUpdate();
    }

    public boolean markFetched(long id, String lease, PollResult.Fetched r) {
        return em().createNativeQuery("""
                update source set url = ?2, title = ?3, site_url = ?4, etag = ?5, last_modified = ?6,
                       last_fetched_at = ?7, last_success_at = ?7, last_status = ?8, last_outcome = 'fetched',
                       consecutive_errors = 0, last_error = null, poll_interval_seconds = ?10,
                       state = case when state = 'paused' then 'paused' else 'active' end,
                       next_poll_at = case when state = 'paused' then null else cast(?9 as timestamptz) end,
                       last_new_entries = ?12, last_updated_entries = ?13, last_unchanged_entries = ?14,
                       last_too_old_entries = ?15, poll_count = poll_count + 1, lease_until = null, lease_owner = null
                where id = ?1 and lease_owner = ?11""")
                .setParameter(1, id)
                .setParameter(2, r.url())
                .setParameter(3, r.title())
                .setParameter(4, r.siteUrl())
                .setParameter(5, r.etag())
                .setParameter(6, r.lastModified())
                .setParameter(7, r.at())
                .setParameter(8, r.status())
                .setParameter(9, r.nextPollAt())
                .setParameter(10, (int) r.interval().toSeconds())
                .setParameter(11, lease)
                .setParameter(12, r.entries().created())
                .setParameter(13, r.entries().updated())
                .setParameter(14, r.entries().unchanged())
                .setParameter(15, r.entries().tooOld())
                .executeUpdate() == 1;
    }

    public boolean markNotModified(long id, String lease, PollResult.NotModified r) {
        return em().createNativeQuery("""
                update source set url = ?2, last_fetched_at = ?3, last_success_at = ?3, last_status = 304,
                       last_outcome = 'not-modified', consecutive_errors = 0, last_error = null,
                       state = case when state = 'paused' then 'paused' else 'active' end,
                       next_poll_at = case when state = 'paused' then null else cast(?4 as timestamptz) end,
                       etag = coalesce(?5, etag), last_modified = coalesce(?6, last_modified),
                       """ + NOTHING_STORED + """
                where id = ?1 and lease_owner = ?7""")
                .setParameter(1, id)
                .setParameter(2, r.url())
                .setParameter(3, r.at())
                .setParameter(4, r.nextPollAt())
                .setParameter(5, r.etag())
                .setParameter(6, r.lastModified())
                .setParameter(7, lease)
                .executeUpdate() == 1;
    }

    public boolean markGone(long id, String lease, PollResult.Gone r) {
        return em().createNativeQuery("""
                update source set state = 'gone', last_fetched_at = ?2, last_status = 410, last_outcome = 'gone',
                       consecutive_errors = consecutive_errors + 1, last_error = ?3, next_poll_at = null,
                       """ + NOTHING_STORED + """
                where id = ?1 and lease_owner = ?4""")
                .setParameter(1, id)
                .setParameter(2, r.at())
                .setParameter(3, r.error())
                .setParameter(4, lease)
                .executeUpdate() == 1;
    }

    public boolean markFailed(long id, String lease, PollResult.Failed r) {
        return em().createNativeQuery("""
                update source set state = case when state = 'paused' then 'paused' else 'failing' end,
                       last_fetched_at = ?2, last_status = cast(?3 as integer), last_outcome = ?4, consecutive_errors = ?5,
                       last_error = ?6, next_poll_at = case when state = 'paused' then null else cast(?7 as timestamptz) end,
                       """ + NOTHING_STORED + """
                where id = ?1 and lease_owner = ?8""")
                .setParameter(1, id)
                .setParameter(2, r.at())
                .setParameter(3, r.status())
                .setParameter(4, r.outcome())
                .setParameter(5, r.consecutiveErrors())
                .setParameter(6, r.error())
                .setParameter(7, r.nextPollAt())
                .setParameter(8, lease)
                .executeUpdate() == 1;
    }

    /** Who holds the source's lease and what its last recorded fetch came to. */
    public Optional<SourcePollState> findPollState(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                select url, lease_owner, lease_until, poll_count, last_outcome, last_status, last_error, last_new_entries,
                       last_updated_entries, last_unchanged_entries, last_too_old_entries, next_poll_at
                from source where id = ?1""").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new SourcePollState(id, (String) r[0], (String) r[1], instant(r[2]),
                ((Number) r[3]).longValue(), (String) r[4], integer(r[5]), (String) r[6],
                new PollResult.EntryCounts(integer(r[7]), integer(r[8]), integer(r[9]), integer(r[10])), instant(r[11])));
    }

    @SuppressWarnings("unchecked")
    private List<ClaimedSource> claimed(List<?> result) {
        List<Object[]> rows = (List<Object[]>) result;
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> topics = sourceTopics.findTopicIds(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<ClaimedSource> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            claimed.add(new ClaimedSource(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], ((Number) r[7]).intValue(), integer(r[8]), integer(r[9]), integer(r[10]),
                    topics.getOrDefault(id, Set.of()), (String) r[11]));
        }
        return claimed;
    }

    private static Instant instant(Object o) {
        return o == null ? null : o instanceof Instant i ? i : o instanceof java.sql.Timestamp t ? t.toInstant()
                : ((java.time.OffsetDateTime) o).toInstant();
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private EntityManager em() {
        return getEntityManager();
    }
}
