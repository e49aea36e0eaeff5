package dev.warta.ingest;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a news address states in its path, as newsrooms write it: {@code /2022/12/20/slug} (Tribunnews, Kompas's
 * {@code /read/2022/12/20/…}, Okezone, Suara), {@code /2022/dec/20/} (The Guardian), {@code /2022-12-20/} or
 * {@code /20221220/} as a segment, and CNN Indonesia's {@code /20221220101530-134-889999/} ids. Only the path is read
 * (a query's numbers say nothing), a year-and-month alone is no day, and a day after {@code latest} is not believed.
 */
final class UrlDates {

    /** The earliest year a dated address is taken at its word: older numbers are ids that look like dates. */
    private static final int FIRST_YEAR = 1995;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("mei", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("agu", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("des", 12));

    /** Year, month (number or name) and day, each the start of a path segment, the day a whole segment. */
    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("/(\\d{4})/(\\d{1,2})/(\\d{1,2})(?=/|$)"),
            Pattern.compile("/(\\d{4})/(\\p{Alpha}{3})/(\\d{1,2})(?=/|$)"),
            Pattern.compile("(?<![\\d])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])"),
            Pattern.compile("/(\\d{4})(\\d{2})(\\d{2})(?:\\d{6})?(?=[/-]|$)"));

    private UrlDates() {
    }

    /** The day the address's path states, if it states one no later than {@code latest}. */
    static Optional<LocalDate> day(String url, LocalDate latest) {
        String path = path(url);
        if (path == null) {
            return Optional.empty();
        }
        for (Pattern form : FORMS) {
            Matcher m = form.matcher(path);
            while (m.find()) {
                Optional<LocalDate> day = date(m.group(1), m.group(2), m.group(3))
                        .filter(d -> d.getYear() >= FIRST_YEAR && !d.isAfter(latest));
                if (day.isPresent()) {
                    return day;
                }
            }
        }
        return Optional.empty();
    }

    private static String path(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        Integer m = Character.isDigit(month.charAt(0)) ? Integer.valueOf(month) : MONTHS.get(month.toLowerCase(Locale.ROOT));
        if (m == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), m, Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
