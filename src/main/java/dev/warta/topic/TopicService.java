package dev.warta.topic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.warta.ProblemException;

/** Finds topics, creates one the first time its label is seen, and edits their labels and rules. */
@ApplicationScoped
public class TopicService {

    private final TopicRepository topics;
    private final FeedVersionRepository feedVersions;
    private final ChangeRecorder changes;
    private final EntityManager em;

    TopicService(TopicRepository topics, FeedVersionRepository feedVersions, ChangeRecorder changes, EntityManager em) {
        this.topics = topics;
        this.feedVersions = feedVersions;
        this.changes = changes;
        this.em = em;
    }

    /** A topic as the API shows it: how many entries it holds and its rules, in order. */
    public record TopicDetails(long id, String slug, String label, long entries, List<TopicRule> rules) {
    }

    /** What {@link #put} did. */
    public record PutResult(TopicDetails topic, boolean created) {
    }

    /**
     * The topic whose slug the label maps to, created with this label when it does not exist. Two
     * concurrent callers get the same row: the insert skips on the slug's unique key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Topic findOrCreate(String label) {
        String clean = clean(label);
        String slug = Slugs.of(clean);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("topic label \"" + label + "\" has no letters or digits");
        }
        Optional<Topic> existing = topics.findBySlug(slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        return insert(slug, clean);
    }

    public Optional<Topic> findBySlug(String slug) {
        return topics.findBySlug(slug);
    }

    /** Every topic by label, with its entry count and rules. */
    @Transactional
    public List<TopicDetails> list() {
        Map<Long, Long> counts = topics.countEntries();
        Map<Long, List<TopicRule>> rules = new java.util.HashMap<>();
        topics.specs().forEach(spec -> rules.put(spec.id(), spec.rules()));
        return topics.listByLabel().stream()
                .map(t -> details(t, counts.getOrDefault(t.id, 0L), rules.getOrDefault(t.id, List.of())))
                .toList();
    }

    /**
     * @throws ProblemException not found when no topic has the slug
     */
    @Transactional
    public TopicDetails get(String slug) {
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> notFound(slug));
        return details(topic, topics.countEntries(topic.id), topics.rules(topic.id));
    }

    /**
     * Creates the topic with this slug, or changes its label; its rules become exactly {@code rules}. The
     * caller has validated the slug, the label and each rule.
     */
    @Transactional
    public PutResult put(String slug, String label, List<TopicRule> rules) {
        String clean = clean(label);
        Optional<Topic> existing = topics.findBySlug(slug);
        Topic topic = existing.orElseGet(() -> insert(slug, clean));
        topics.replaceRules(topic.id, rules);
        if (!topic.label.equals(clean)) {
            topic.label = clean;
            topics.flush();
            // The label is the topic feed's title and the category label of its entries in every feed that
            // holds them: those feeds' versions move so caches and validators follow. Recorded last, as ingest does.
            Set<Long> touched = new TreeSet<>(topics.findSharingTopicIds(topic.id));
            touched.add(topic.id);
            changes.record(touched, Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
        return new PutResult(details(topic, topics.countEntries(topic.id), rules), existing.isEmpty());
    }

    private static TopicDetails details(Topic t, long entries, List<TopicRule> rules) {
        return new TopicDetails(t.id, t.slug, t.label, entries, List.copyOf(rules));
    }

    private static String clean(String label) {
        return label.strip().replaceAll("\\s+", " ");
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("no topic with slug \"" + slug + "\"");
    }

    /** Inserts the topic (a concurrent insert of the same slug wins quietly) and registers its feed's version. */
    private Topic insert(String slug, String label) {
        topics.insertIfAbsent(slug, label, Instant.now());
        Topic topic = topics.findBySlug(slug).orElseThrow();
        em.unwrap(Session.class).doWork(c -> feedVersions.insert(c, topic.feedKey()));
        return topic;
    }
}
