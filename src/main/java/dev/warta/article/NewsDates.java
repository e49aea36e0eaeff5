package dev.warta.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as news pages write them: ISO-8601 in metadata ({@code 2022-12-19T17:30:52+07:00}, also without
 * the colon in the offset, or without an offset), and Indonesian text on the page
 * ({@code Senin, 19 Desember 2022 17:30 WIB}, {@code 4 Jan 2023, 08.05 WITA}). A time without an offset or
 * zone is a time in Jakarta, the newsroom's zone; a date without a time is the start of that day.
 */
public final class NewsDates {

    static final ZoneId JAKARTA = ArticleTextParser.NEWSROOM_ZONE;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("pebruari", 2), Map.entry("feb", 2), Map.entry("peb", 2),
            Map.entry("maret", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mei", 5),
            Map.entry("juni", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("jul", 7),
            Map.entry("agustus", 8), Map.entry("agu", 8), Map.entry("agt", 8), Map.entry("ags", 8), Map.entry("agust", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("nop", 11), Map.entry("nopember", 11),
            Map.entry("desember", 12), Map.entry("des", 12));

    /** Western, Central and Eastern Indonesia Time. */
    private static final Map<String, ZoneOffset> ZONES = Map.of(
            "wib", ZoneOffset.ofHours(7), "wita", ZoneOffset.ofHours(8), "wit", ZoneOffset.ofHours(9));

    private static final String DAY = "(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)";
    private static final Pattern TEXT_DATE = Pattern.compile(
            "(?iu)(?:\\b" + DAY + "\\s*,?\\s*)?\\b(\\d{1,2})\\s+(\\p{L}{3,9})\\.?\\s+(\\d{4})"
                    + "(?:\\s*[,|/-]?\\s*(?:pukul\\s+|jam\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?)?"
                    + "(?:\\s*(WITA|WIB|WIT)\\b)?");

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private NewsDates() {
    }

    /** An ISO-8601 date or date-time as found in metadata; empty when the value is not one. */
    public static Optional<Instant> parseIso(String value) {
        return readIso(value).map(NewsDate::instant);
    }

    /** The first Indonesian date in a text, e.g. "Senin, 19 Desember 2022 17:30 WIB"; empty when there is none. */
    public static Optional<Instant> parseText(String text) {
        return readText(text).map(NewsDate::instant);
    }

    /** {@link #parseIso}, saying whether the value was only a date ({@code 2022-12-19}). */
    public static Optional<NewsDate> readIso(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return Optional.of(NewsDate.day(LocalDate.parse(v)));
            }
            var parsed = ISO_LENIENT.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return Optional.of(NewsDate.at(odt.toInstant()));
            }
            return Optional.of(NewsDate.at(((LocalDateTime) parsed).atZone(JAKARTA).toInstant()));
        } catch (DateTimeException e) {
            return readText(v);
        }
    }

    /** {@link #parseText}, saying whether the text gave no time of day ("19 Desember 2022"). */
    public static Optional<NewsDate> readText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT_DATE.matcher(text);
        while (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month == null) {
                continue;
            }
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
                if (m.group(4) == null) {
                    return Optional.of(NewsDate.day(date));
                }
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                ZoneId zone = m.group(7) == null ? JAKARTA : ZONES.get(m.group(7).toLowerCase(Locale.ROOT));
                return Optional.of(NewsDate.at(ZonedDateTime.of(date, time, zone).toInstant()));
            } catch (DateTimeException | NumberFormatException ignored) {
                // "31 Februari 2022" is no date; keep looking
            }
        }
        return Optional.empty();
    }
}
