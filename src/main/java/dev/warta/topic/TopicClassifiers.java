package dev.warta.topic;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The classifier for the topics and rules in the database now. Rules are read at every call (one small
 * query, so every Warta process sees a change at once); the compiled form is reused while they are equal.
 */
@ApplicationScoped
public class TopicClassifiers {

    private record Cached(List<TopicClassifier.TopicSpec> specs, TopicClassifier classifier) {
    }

    private final TopicRepository topics;
    private final AtomicReference<Cached> cache = new AtomicReference<>(new Cached(List.of(), TopicClassifier.EMPTY));

    TopicClassifiers(TopicRepository topics) {
        this.topics = topics;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicClassifier current() {
        List<TopicClassifier.TopicSpec> specs = topics.specs();
        Cached cached = cache.get();
        if (cached.specs().equals(specs)) {
            return cached.classifier();
        }
        TopicClassifier classifier = TopicClassifier.of(specs);
        cache.set(new Cached(specs, classifier));
        return classifier;
    }
}
