package dev.warta.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.warta.ProblemException;

/**
 * Where a page of results ends: the publication time (epoch microseconds, as PostgreSQL keeps it) and id of
 * its last entry. The next page holds what sorts after it, so new matches arriving meanwhile shift nothing.
 * Written {@code <micros>.<id>}, the way feed cursors are.
 */
public record SearchCursor(long publishedMicros, long id) {

    private static final Pattern WRITTEN = Pattern.compile("(-?\\d{1,18})\\.(\\d{1,18})");

    /** The cursor in a {@code before=} parameter; absent when there is none; a malformed one is a 400. */
    public static Optional<SearchCursor> of(String before) {
        if (before == null || before.isBlank()) {
            return Optional.empty();
        }
        Matcher m = WRITTEN.matcher(before.strip());
        if (!m.matches()) {
            throw ProblemException.invalid("invalid-parameter", "before must look like <microseconds>.<id>")
                    .with("field", "before");
        }
        return Optional.of(new SearchCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    }

    public String written() {
        return publishedMicros + "." + id;
    }
}
