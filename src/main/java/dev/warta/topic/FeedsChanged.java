package dev.warta.topic;

import java.util.Set;

/**
 * Fired by {@link ChangeRecorder} once a transaction that changed what feeds show has committed (observers use
 * {@code during = AFTER_SUCCESS}). Carries the topics whose feeds changed; the feed of every entry changes with any
 * change.
 */
public record FeedsChanged(Set<Long> topicIds) {
}
