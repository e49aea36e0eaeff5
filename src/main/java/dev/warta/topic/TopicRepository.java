package dev.warta.topic;

import java.util.List;
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

    /** Entry count per topic id, in one query. */
    public List<Object[]> entryCounts() {
        return getEntityManager()
                .createNativeQuery("select topic_id, count(*) from entry_topic group by topic_id")
                .getResultList();
    }
}
