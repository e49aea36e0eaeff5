package dev.warta.topic;

import java.util.Locale;

/**
 * One rule of a topic: a {@code word} or {@code phrase} matched on whole words, or a {@code regex}; all
 * case- and accent-insensitive.
 */
public record TopicRule(Type type, String pattern) {

    public enum Type {
        WORD, PHRASE, REGEX;

        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type of(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
