package dev.warta.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    public Optional<Source> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** Every source with its topics, in one query. */
    public List<Source> listAll() {
        return find("select distinct s from Source s left join fetch s.topics order by s.id").list();
    }

    /** Stored entries per source id, in one query. */
    public Map<Long, Long> entryCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select source_id, count(*) from entry where source_id is not null group by source_id")
                .getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    public long entryCount(long sourceId) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from entry where source_id = ?1")
                .setParameter(1, sourceId).getSingleResult()).longValue();
    }
}
