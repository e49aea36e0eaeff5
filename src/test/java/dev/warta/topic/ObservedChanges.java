package dev.warta.topic;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Every change event this process fired after a commit, as a test sees them (the topics of each). */
@ApplicationScoped
public class ObservedChanges {

    private final List<Set<Long>> events = new CopyOnWriteArrayList<>();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedsChanged event) {
        events.add(event.topicIds());
    }

    public void clear() {
        events.clear();
    }

    public List<Set<Long>> events() {
        return List.copyOf(events);
    }
}
