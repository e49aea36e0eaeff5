package dev.warta.topic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** Finds topics, and creates one the first time its label is seen. */
@ApplicationScoped
public class TopicService {

    private final TopicRepository topics;
    private final EntityManager em;

    TopicService(TopicRepository topics, EntityManager em) {
        this.topics = topics;
        this.em = em;
    }

    /**
     * The topic whose slug the label maps to, created with this label when it does not exist. Two
     * concurrent callers get the same row: the insert skips on the slug's unique key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Topic findOrCreate(String label) {
        String clean = label.strip().replaceAll("\\s+", " ");
        String slug = Slugs.of(clean);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("topic label \"" + label + "\" has no letters or digits");
        }
        Optional<Topic> existing = topics.findBySlug(slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        insert(slug, clean);
        return topics.findBySlug(slug).orElseThrow();
    }

    public Optional<Topic> findBySlug(String slug) {
        return topics.findBySlug(slug);
    }

    /** What {@link #put} did. */
    public record PutResult(Topic topic, boolean created) {
    }

    /**
     * Creates the topic with this slug, or changes its label; its rules become exactly {@code rules}. The
     * caller has validated the slug, the label and each rule.
     */
    @Transactional
    public PutResult put(String slug, String label, List<TopicRule> rules) {
        String clean = label.strip().replaceAll("\\s+", " ");
        boolean created = topics.findBySlug(slug).isEmpty();
        if (created) {
            insert(slug, clean);
        }
        Topic topic = topics.findBySlug(slug).orElseThrow();
        if (!topic.label.equals(clean)) {
            topic.label = clean;
            // The label is the topic feed's title and the category label of its entries in every feed that
            // holds them: those feeds' versions move so caches and validators follow.
            @SuppressWarnings("unchecked")
            List<Number> sharing = em.createNativeQuery("""
                    select distinct other.topic_id from entry_topic mine
                    join entry_topic other on other.entry_id = mine.entry_id where mine.topic_id = ?1""")
                    .setParameter(1, topic.id).getResultList();
            Set<Long> touched = new TreeSet<>();
            touched.add(topic.id);
            sharing.forEach(n -> touched.add(n.longValue()));
            em.unwrap(Session.class).doWork(conn -> FeedVersionBump.bump(conn, touched, Instant.now()));
        }
        topics.replaceRules(topic.id, rules);
        return new PutResult(topic, created);
    }

    @Transactional
    public List<TopicRule> rules(long topicId) {
        return topics.rules(topicId);
    }

    /** Inserts the topic (a concurrent insert of the same slug wins quietly) and registers its feed's version. */
    private void insert(String slug, String label) {
        em.createNativeQuery("insert into topic (slug, label, created_at) values (?1, ?2, ?3) on conflict (slug) do nothing")
                .setParameter(1, slug)
                .setParameter(2, label)
                .setParameter(3, Instant.now())
                .executeUpdate();
        em.createNativeQuery("insert into feed_version (feed_key) select 'topic:' || id from topic where slug = ?1 on conflict do nothing")
                .setParameter(1, slug)
                .executeUpdate();
    }
}
