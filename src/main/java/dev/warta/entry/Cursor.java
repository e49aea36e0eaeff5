package dev.warta.entry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a feed: the publication time and id of an entry, the feed's sort key. Pages start just
 * after (older: {@code before=}) or just before (newer: {@code after=}) a cursor, so a reader walking the
 * pages sees every entry once however many new entries arrive meanwhile. Written as
 * {@code <epoch microseconds>.<id>}, e.g. {@code 1671382800000000.4211}.
 */
public record Cursor(Instant published, long id) {

    private static final Pattern FORMAT = Pattern.compile("(-?\\d{1,18})\\.(\\d{1,18})");

    public static Optional<Cursor> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long micros = Long.parseLong(m.group(1));
        Instant published = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return Optional.of(new Cursor(published, Long.parseLong(m.group(2))));
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, published) + "." + id;
    }
}
