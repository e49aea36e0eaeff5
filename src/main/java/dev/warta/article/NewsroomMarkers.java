package dev.warta.article;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines the newsroom marks, and one classifier of a line. The plain-text parser reads a line at a time
 * and the page's body builder a paragraph at a time, and both ask {@link #classify(String)}, so that a
 * marker one of them accepts the other accepts too.
 *
 * <pre>
 * Baca juga: Judul artikel lain          related (also "Simak juga", "Baca pula", with or without ":" or "-")
 * (Tribunnews.com/Yunita Rahmayanti)    credit
 * Artikel lain terkait Konflik Rusia    trailer, naming the article's topic
 * Penulis: … / Editor: … / Laporan Wartawan Tribunnews.com, …    a person in a role
 * TRIBUNNEWS.COM, JAKARTA - Isi …       dateline: publisher, city, and the paragraph it opens
 * </pre>
 */
final class NewsroomMarkers {

    private static final Pattern RELATED = Pattern.compile("(?iu)^(?:baca|simak)\\s+(?:juga|pula)\\b\\s*[:\\-–—]?\\s*(.*)$");
    private static final Pattern CREDIT = Pattern.compile("^\\(\\s*([A-Za-z0-9-]+(?:\\.[A-Za-z]{2,})+\\s*/[^()]+?)\\s*\\)$");
    private static final Pattern TRAILER = Pattern.compile("(?i)^artikel\\s+lain\\s+terkait\\s*:?\\s*(.+)$");
    private static final Pattern AUTHOR = Pattern.compile("(?i)^penulis\\s*:\\s*(.+)$");
    private static final Pattern EDITOR = Pattern.compile("(?i)^editor\\s*:\\s*(.+)$");
    private static final Pattern REPORTER = Pattern.compile(
            "(?i)^laporan\\s+(?:wartawan|reporter|koresponden)\\s+(\\S+?)\\s*,\\s*(.+)$");
    /** Upper-case outlet domain, optional city, dash: {@code TRIBUNNEWS.COM, JAKARTA - }. */
    private static final Pattern DATELINE = Pattern.compile(
            "^([A-Z0-9][A-Z0-9-]*(?:\\.[A-Z]{2,})+)(?:\\s*,\\s*([^-–—]+?))?\\s*[-–—]+\\s*(.*)$");
    private static final Pattern QUOTES = Pattern.compile("^[\"“«\\s]+|[\"”»\\s]+$");

    private NewsroomMarkers() {
    }

    /** What a line of an article is. */
    sealed interface Line permits Related, Credit, Trailer, Person, Dateline, Text {
    }

    /** A "Baca juga" line; {@code title} is null when the line holds only the marker (a page's link may follow it). */
    record Related(String title) implements Line {
    }

    /** The credit line, with the spaces around its slash removed: {@code Tribunnews.com/Yunita Rahmayanti}. */
    record Credit(String credit) implements Line {
    }

    /** The "Artikel lain terkait" trailer; {@code topic} is null when it names none. */
    record Trailer(String topic) implements Line {
    }

    /** The roles a byline line names: "Penulis:", "Editor:", "Laporan Wartawan/Reporter/Koresponden …,". */
    enum Role {
        AUTHOR, EDITOR, REPORTER
    }

    /** A byline line: who, in which role. */
    record Person(Role role, String name) implements Line {
    }

    /**
     * {@code TRIBUNNEWS.COM, JAKARTA - Isi …}: the publisher ({@code Tribunnews.com}), the city or null, and the
     * text after the dash. Only the first paragraph of an article opens with one; elsewhere it is text.
     */
    record Dateline(String publisher, String city, String rest) implements Line {
    }

    /** Anything else: body text. */
    record Text(String text) implements Line {
    }

    /** What this line (spaces already collapsed) is. */
    static Line classify(String line) {
        Matcher m;
        if ((m = RELATED.matcher(line)).matches()) {
            return new Related(relatedTitle(m.group(1)).orElse(null));
        }
        if ((m = CREDIT.matcher(line)).matches()) {
            return new Credit(m.group(1).replaceAll("\\s*/\\s*", "/"));
        }
        if ((m = TRAILER.matcher(line)).matches()) {
            return new Trailer(topicLabel(m.group(1)).orElse(null));
        }
        if ((m = AUTHOR.matcher(line)).matches()) {
            return new Person(Role.AUTHOR, m.group(1).strip());
        }
        if ((m = EDITOR.matcher(line)).matches()) {
            return new Person(Role.EDITOR, m.group(1).strip());
        }
        if ((m = REPORTER.matcher(line)).matches()) {
            return new Person(Role.REPORTER, m.group(2).strip());
        }
        if ((m = DATELINE.matcher(line)).matches()) {
            return new Dateline(publisherName(m.group(1)), m.group(2) == null ? null : titleCase(m.group(2).strip()),
                    m.group(3).strip());
        }
        return new Text(line);
    }

    /** Whether the line is a marker other than a dateline: what cannot be a headline or a lede. */
    static boolean isMarker(String line) {
        Line kind = classify(line);
        return !(kind instanceof Text) && !(kind instanceof Dateline);
    }

    /** A related article's title as a line or a link writes it: without the marker and the quotes around it. */
    static Optional<String> relatedTitle(String raw) {
        String text = PlainText.spaces(raw);
        Matcher marker = RELATED.matcher(text);
        String title = QUOTES.matcher(marker.matches() ? marker.group(1) : text).replaceAll("").strip();
        return PlainText.hasWord(title) ? Optional.of(title) : Optional.empty();
    }

    /** A trailer's topic without the punctuation that ends the line. */
    private static Optional<String> topicLabel(String raw) {
        String topic = raw.strip().replaceAll("[.:;,]+$", "").strip();
        return PlainText.hasWord(topic) ? Optional.of(topic) : Optional.empty();
    }

    /** {@code TRIBUNNEWS.COM} → {@code Tribunnews.com}. */
    private static String publisherName(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** {@code BANDAR LAMPUNG} → {@code Bandar Lampung}. */
    private static String titleCase(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.toLowerCase(Locale.ROOT).split(" ")) {
            if (!word.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
