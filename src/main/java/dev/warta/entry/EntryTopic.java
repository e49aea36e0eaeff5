package dev.warta.entry;

/** One row of {@code entry_topic}: the entry is published in the topic's feed. */
public record EntryTopic(long entryId, long topicId) implements Comparable<EntryTopic> {

    @Override
    public int compareTo(EntryTopic o) {
        int byEntry = Long.compare(entryId, o.entryId);
        return byEntry != 0 ? byEntry : Long.compare(topicId, o.topicId);
    }
}
