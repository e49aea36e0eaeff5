package dev.warta.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EntryRepository implements PanacheRepository<Entry> {

    /** The zone in which a desk article's publication day is counted (the newsroom's). */
    public static final ZoneId DESK_ZONE = ZoneId.of("Asia/Jakarta");

    public Optional<Entry> findStubByTitleKey(String titleKey) {
        return find("kind = ?1 and titleKey = ?2", EntryKind.STUB, titleKey).firstResultOptional();
    }

    /** The desk article with this title published on this day (in {@link #DESK_ZONE}). */
    public Optional<Entry> findArticle(String titleKey, LocalDate day) {
        Instant from = day.atStartOfDay(DESK_ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(DESK_ZONE).toInstant();
        return find("kind = ?1 and titleKey = ?2 and publishedAt >= ?3 and publishedAt < ?4",
                EntryKind.ARTICLE, titleKey, from, to).firstResultOptional();
    }

    /** The newest desk article with this title, whatever its day. */
    public Optional<Entry> findLatestArticle(String titleKey) {
        return find("kind = ?1 and titleKey = ?2 order by publishedAt desc, id desc", EntryKind.ARTICLE, titleKey)
                .firstResultOptional();
    }

    public Optional<Entry> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** Entries of a topic, newest publication first. */
    public List<Entry> latestInTopic(long topicId, int limit) {
        return find("select e from Entry e join e.topics t where t.id = ?1 order by e.publishedAt desc, e.id desc", topicId)
                .page(0, limit).list();
    }

    /** Every entry, newest publication first. */
    public List<Entry> latest(int limit) {
        return find("order by publishedAt desc, id desc").page(0, limit).list();
    }

    /** Points every related link that names entry {@code from} at entry {@code to} instead. */
    public int retarget(long from, long to) {
        return getEntityManager().createQuery("update RelatedLink r set r.target.id = ?2 where r.target.id = ?1")
                .setParameter(1, from).setParameter(2, to).executeUpdate();
    }

    /** Related links that name this entry keep their title and address, and name no entry any more. */
    public int untarget(long id) {
        return getEntityManager().createQuery("update RelatedLink r set r.target = null where r.target.id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Those of these entries that are stubs no article names any more. */
    public List<Entry> unlinkedStubs(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("from Entry e where e.kind = ?1 and e.id in ?2 and not exists (select 1 from RelatedLink r where r.target = e)",
                EntryKind.STUB, ids).list();
    }

    /** Entries whose related links point at this entry ("linked from"). */
    public List<Entry> linking(long targetId) {
        return find("select distinct r.entry from RelatedLink r where r.target.id = ?1", targetId).list();
    }

    /**
     * One page of a feed by keyset: the entries just older ({@code older}) or just newer than the entry at
     * ({@code published}, {@code id}), in the topic when {@code topicId} is not null. Older pages come newest
     * first; newer pages oldest first (the caller reverses them), so that the limit cuts at the right end.
     */
    public List<Entry> pageAfterKey(Long topicId, Instant published, long id, boolean older, int limit) {
        String from = topicId == null ? "select e from Entry e where " : "select e from Entry e join e.topics t where t.id = :topic and ";
        String keyset = older
                ? "(e.publishedAt < :published or (e.publishedAt = :published and e.id < :id)) order by e.publishedAt desc, e.id desc"
                : "(e.publishedAt > :published or (e.publishedAt = :published and e.id > :id)) order by e.publishedAt asc, e.id asc";
        var query = getEntityManager().createQuery(from + keyset, Entry.class)
                .setParameter("published", published).setParameter("id", id).setMaxResults(limit);
        if (topicId != null) {
            query.setParameter("topic", topicId);
        }
        return query.getResultList();
    }

    /** Whether the feed has an entry older ({@code older}) or newer than the one at ({@code published}, {@code id}). */
    public boolean existsBeyondKey(Long topicId, Instant published, long id, boolean older) {
        return !pageAfterKeyIds(topicId, published, id, older).isEmpty();
    }

    private List<Long> pageAfterKeyIds(Long topicId, Instant published, long id, boolean older) {
        String from = topicId == null ? "select e.id from Entry e where " : "select e.id from Entry e join e.topics t where t.id = :topic and ";
        String keyset = older
                ? "(e.publishedAt < :published or (e.publishedAt = :published and e.id < :id))"
                : "(e.publishedAt > :published or (e.publishedAt = :published and e.id > :id))";
        var query = getEntityManager().createQuery(from + keyset, Long.class)
                .setParameter("published", published).setParameter("id", id).setMaxResults(1);
        if (topicId != null) {
            query.setParameter("topic", topicId);
        }
        return query.getResultList();
    }
}
