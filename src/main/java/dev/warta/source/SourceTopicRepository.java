package dev.warta.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The statements on {@code source_topic}, a source's default topics, each for many sources at once. */
@ApplicationScoped
public class SourceTopicRepository {

    private final EntityManager em;

    SourceTopicRepository(EntityManager em) {
        this.em = em;
    }

    /** Adds the pairs {@code (sourceIds[i], topicIds[i])} that are not there yet; returns how many were added. */
    public int addAll(List<Long> sourceIds, List<Long> topicIds) {
        if (sourceIds.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                insert into source_topic (source_id, topic_id)
                select distinct s, t from unnest(cast(?1 as bigint[]), cast(?2 as bigint[])) as pair(s, t)
                on conflict do nothing""")
                .setParameter(1, sourceIds.toArray(Long[]::new))
                .setParameter(2, topicIds.toArray(Long[]::new))
                .executeUpdate();
    }

    /** The default topics' ids of these sources. */
    public Map<Long, Set<Long>> findTopicIds(List<Long> sourceIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> pairs = em.createNativeQuery(
                "select source_id, topic_id from source_topic where source_id = any(cast(?1 as bigint[]))")
                .setParameter(1, sourceIds.toArray(Long[]::new)).getResultList();
        Map<Long, Set<Long>> topics = new HashMap<>();
        for (Object[] p : pairs) {
            topics.computeIfAbsent(((Number) p[0]).longValue(), k -> new HashSet<>()).add(((Number) p[1]).longValue());
        }
        return topics;
    }

    /** The default topics of these sources as the API shows them, by label. */
    public Map<Long, List<SourceView.TopicRef>> findTopicRefs(List<Long> sourceIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select st.source_id, t.slug, t.label from source_topic st join topic t on t.id = st.topic_id
                where st.source_id = any(cast(?1 as bigint[]))""")
                .setParameter(1, sourceIds.toArray(Long[]::new)).getResultList();
        Map<Long, List<SourceView.TopicRef>> topics = new HashMap<>();
        for (Object[] r : rows) {
            topics.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new SourceView.TopicRef((String) r[1], (String) r[2]));
        }
        // In Java, as the single-source view always sorted them, whatever the database's collation.
        topics.values().forEach(refs -> refs.sort(Comparator.comparing((SourceView.TopicRef t) -> t.label().toLowerCase())));
        return topics;
    }
}
