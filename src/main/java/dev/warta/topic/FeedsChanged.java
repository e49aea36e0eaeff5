package dev.warta.topic;

import java.util.List;
import java.util.Set;

/**
 * Fired by {@link ChangeRecorder} once a transaction that changed what feeds show has committed (observers use
 * {@code during = AFTER_SUCCESS}). Carries the topics whose feeds changed; the feed of every entry changes with any
 * change; and the versions those feeds got in the transaction, so that this process need not read them back.
 */
public record FeedsChanged(Set<Long> topicIds, List<FeedVersionRepository.Row> versions) {

    /** A change whose new versions are not known: observers read them. */
    public FeedsChanged(Set<Long> topicIds) {
        this(topicIds, List.of());
    }
}
