package dev.warta.topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TopicRepository implements PanacheRepository<Topic> {

    public Optional<Topic> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Topic> listByLabel() {
        return list("order by lower(label)");
    }

    /**
     * Every topic, the one with the newest entry first (feed order: publication time, then id); topics without entries
     * last, by label. One probe of {@code entry_topic_feed_order_idx} per topic (V51), however many entries there are.
     */
    public List<Topic> listByLatestEntry() {
        @SuppressWarnings("unchecked")
        List<Topic> rows = getEntityManager().createNativeQuery("""
                select t.* from topic t
                left join lateral (select et.published_at, et.entry_id from entry_topic et where et.topic_id = t.id
                                   order by et.published_at desc, et.entry_id desc limit 1) newest on true
                order by newest.published_at desc nulls last, newest.entry_id desc nulls last, lower(t.label), t.id""",
                Topic.class).getResultList();
        return rows;
    }

    /** Entry count per topic id (topics without entries may be missing), kept by triggers in {@code topic_count} and its deltas (V55, V58). */
    public Map<Long, Long> countEntries() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select topic_id, entries from topic_entry_count").getResultList();
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    /** How many entries the topic holds, kept by triggers in {@code topic_count} and its deltas (V55, V58). */
    public long countEntries(long topicId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = getEntityManager().createNativeQuery("select entries from topic_entry_count where topic_id = ?1")
                .setParameter(1, topicId).getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).longValue();
    }

    /** The other topics that share an entry with this one: their feeds show its label as a category. */
    public List<Long> findSharingTopicIds(long topicId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = getEntityManager().createNativeQuery("""
                select distinct other.topic_id from entry_topic mine
                join entry_topic other on other.entry_id = mine.entry_id where mine.topic_id = ?1""")
                .setParameter(1, topicId).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    /** Inserts the topic unless a topic has its slug already (a concurrent insert of the same slug wins quietly). */
    public void insertIfAbsent(String slug, String label, Instant now) {
        getEntityManager().createNativeQuery(
                "insert into topic (slug, label, created_at) values (?1, ?2, ?3) on conflict (slug) do nothing")
                .setParameter(1, slug).setParameter(2, label).setParameter(3, now).executeUpdate();
    }

    /** Every topic with its rules, in one query. */
    public List<TopicClassifier.TopicSpec> specs() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select t.id, t.label, r.type, r.pattern from topic t left join topic_rule r on r.topic_id = t.id
                order by t.id, r.position""").getResultList();
        Map<Long, TopicClassifier.TopicSpec> specs = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            TopicClassifier.TopicSpec spec = specs.computeIfAbsent(id,
                    k -> new TopicClassifier.TopicSpec(k, (String) row[1], new ArrayList<>()));
            if (row[2] != null) {
                spec.rules().add(new TopicRule(TopicRule.Type.of((String) row[2]), (String) row[3]));
            }
        }
        return List.copyOf(specs.values());
    }

    /** The rules of one topic, in order. */
    public List<TopicRule> rules(long topicId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select type, pattern from topic_rule where topic_id = ?1 order by position")
                .setParameter(1, topicId).getResultList();
        return rows.stream().map(r -> new TopicRule(TopicRule.Type.of((String) r[0]), (String) r[1])).toList();
    }

    public void replaceRules(long topicId, List<TopicRule> rules) {
        getEntityManager().createNativeQuery("delete from topic_rule where topic_id = ?1").setParameter(1, topicId)
                .executeUpdate();
        if (rules.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                insert into topic_rule (topic_id, position, type, pattern)
                select ?1, p - 1, t, v from unnest(cast(?2 as text[]), cast(?3 as text[])) with ordinality as x(t, v, p)""")
                .setParameter(1, topicId)
                .setParameter(2, rules.stream().map(r -> r.type().dbValue()).toArray(String[]::new))
                .setParameter(3, rules.stream().map(TopicRule::pattern).toArray(String[]::new))
                .executeUpdate();
    }
}
