package dev.warta;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which published feed a {@code feed_version} row counts the changes of: the feed of every entry, or one topic's.
 * {@link #stored()} is the one way it is written, the row's {@code feed_key} ({@code all}, {@code topic:<id>}), so
 * rows written before this type existed keep their meaning.
 */
public sealed interface FeedKey extends Comparable<FeedKey> permits FeedKey.All, FeedKey.Topic {

    /** The feed of every entry. */
    record All() implements FeedKey {
        @Override
        public String stored() {
            return "all";
        }
    }

    /** One topic's feed. */
    record Topic(long topicId) implements FeedKey {
        @Override
        public String stored() {
            return "topic:" + topicId;
        }
    }

    FeedKey ALL = new All();

    Pattern TOPIC = Pattern.compile("topic:(\\d{1,18})");

    static FeedKey all() {
        return ALL;
    }

    static FeedKey topic(long topicId) {
        return new Topic(topicId);
    }

    /** The {@code feed_version.feed_key} text. */
    String stored();

    /** The key a {@code feed_key} text names; empty for text this version of Warta does not know. */
    static Optional<FeedKey> parse(String stored) {
        if (ALL.stored().equals(stored)) {
            return Optional.of(ALL);
        }
        Matcher m = TOPIC.matcher(stored == null ? "" : stored);
        return m.matches() ? Optional.of(topic(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    /** The order of the stored text: the one order in which every writer locks {@code feed_version} rows. */
    @Override
    default int compareTo(FeedKey other) {
        return stored().compareTo(other.stored());
    }
}
