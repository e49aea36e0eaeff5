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
}
