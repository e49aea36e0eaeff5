package dev.warta.topic;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
        em.createNativeQuery("insert into topic (slug, label, created_at) values (?1, ?2, ?3) on conflict (slug) do nothing")
                .setParameter(1, slug)
                .setParameter(2, clean)
                .setParameter(3, Instant.now())
                .executeUpdate();
        em.createNativeQuery("insert into feed_version (feed_key) select 'topic:' || id from topic where slug = ?1 on conflict do nothing")
                .setParameter(1, slug)
                .executeUpdate();
        return topics.findBySlug(slug).orElseThrow();
    }

    public Optional<Topic> findBySlug(String slug) {
        return topics.findBySlug(slug);
    }
}
