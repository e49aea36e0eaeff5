package dev.warta.ingest;

import java.util.Set;

/**
 * Fired by ingest once a transaction that changed entries has committed. Carries the ids of the topics
 * whose feeds changed; the feed of every entry changes with any of them.
 */
public record EntriesChanged(Set<Long> topicIds) {
}
