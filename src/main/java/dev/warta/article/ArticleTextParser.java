package dev.warta.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an article in the newsroom's plain-text format:
 *
 * <pre>
 * Headline
 * Lede
 * Penulis: ...            (any order, each optional; also "Editor:" and "Laporan Wartawan X, Name")
 * TRIBUNNEWS.COM, CITY - first paragraph ...
 * paragraphs, with short unpunctuated lines between them as subheadings
 * Baca juga: related title
 * (Tribunnews.com/Credit)
 * Artikel lain terkait Topic
 * </pre>
 *
 * Blank lines, Windows or old Mac line endings, a byte-order mark and non-breaking spaces are tolerated.
 */
public class ArticleTextParser {

    /** The newsroom's zone: a date written in an article is a day in Jakarta. */
    public static final ZoneId NEWSROOM_ZONE = ZoneId.of("Asia/Jakarta");

    static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_HEADING_LENGTH = 90;
    private static final int MAX_HEADING_WORDS = 12;
    private static final int MAX_SUMMARY_LENGTH = 400;

    static final Pattern AUTHOR = Pattern.compile("(?i)^penulis\\s*:\\s*(.+)$");
    static final Pattern EDITOR = Pattern.compile("(?i)^editor\\s*:\\s*(.+)$");
    static final Pattern REPORTER = Pattern.compile("(?i)^laporan\\s+(?:wartawan|reporter|koresponden)\\s+(\\S+?)\\s*,\\s*(.+)$");
    /** Upper-case outlet domain, optional city, dash: {@code TRIBUNNEWS.COM, JAKARTA - }. */
    static final Pattern DATELINE = Pattern.compile(
            "^([A-Z0-9][A-Z0-9-]*(?:\\.[A-Z]{2,})+)(?:\\s*,\\s*([^-–—]+?))?\\s*[-–—]+\\s*(.*)$");
    static final Pattern RELATED = Pattern.compile("(?i)^baca\\s+juga\\s*[:\\-–—]\\s*(.+)$");
    static final Pattern CREDIT = Pattern.compile("^\\(\\s*([A-Za-z0-9-]+(?:\\.[A-Za-z]{2,})+\\s*/[^()]+?)\\s*\\)$");
    static final Pattern TRAILER = Pattern.compile("(?i)^artikel\\s+lain\\s+terkait\\s*:?\\s*(.+)$");
    private static final Pattern DATE = Pattern.compile("\\((\\d{1,2})/(\\d{1,2})/(\\d{4})\\)");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;,…\"'”’»)\\]]$");
    private static final Pattern OPENING_QUOTE = Pattern.compile("^[\"'“‘«(\\[-]");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    public ArticleDraft parse(String text) {
        List<Line> lines = lines(text);
        if (lines.isEmpty()) {
            throw new ArticleFormatException("the article is empty", 0);
        }
        Line first = lines.get(0);
        if (isMarker(first.text)) {
            throw new ArticleFormatException("the first line must be the headline, but it is \"" + abbreviate(first.text)
                    + "\"", first.number);
        }
        if (first.text.length() > MAX_TITLE_LENGTH) {
            throw new ArticleFormatException("the first line must be the headline, but it is " + first.text.length()
                    + " characters long (at most " + MAX_TITLE_LENGTH + ")", first.number);
        }

        if (!HAS_WORD.matcher(first.text).find()) {
            throw new ArticleFormatException("the headline \"" + first.text + "\" has no letters or digits", first.number);
        }
        String title = first.text;
        String summary = null;
        String author = null;
        String editor = null;
        String reporter = null;
        int i = 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i).text;
            Matcher m;
            if ((m = AUTHOR.matcher(line)).matches()) {
                author = m.group(1).strip();
            } else if ((m = EDITOR.matcher(line)).matches()) {
                editor = m.group(1).strip();
            } else if ((m = REPORTER.matcher(line)).matches()) {
                reporter = m.group(2).strip();
            } else if (i == 1 && !DATELINE.matcher(line).matches() && !isMarker(line)) {
                summary = line;
            } else {
                break;
            }
        }

        String publisher = null;
        String city = null;
        List<String> paragraphs = new ArrayList<>();
        List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        String credit = null;
        boolean firstBodyLine = true;
        for (; i < lines.size(); i++) {
            String line = lines.get(i).text;
            Matcher m;
            if (firstBodyLine && (m = DATELINE.matcher(line)).matches()) {
                publisher = publisherName(m.group(1));
                city = m.group(2) == null ? null : titleCase(m.group(2).strip());
                if (!m.group(3).isBlank()) {
                    paragraphs.add(m.group(3).strip());
                }
            } else if ((m = RELATED.matcher(line)).matches()) {
                related.add(new ArticleDraft.RelatedArticle(m.group(1).strip(), null));
            } else if ((m = CREDIT.matcher(line)).matches()) {
                credit = m.group(1).replaceAll("\\s*/\\s*", "/");
            } else if ((m = TRAILER.matcher(line)).matches()) {
                String topic = m.group(1).strip().replaceAll("[.:;,]+$", "").strip();
                if (HAS_WORD.matcher(topic).find() && topics.stream().noneMatch(topic::equalsIgnoreCase)) {
                    topics.add(topic);
                }
            } else if ((m = AUTHOR.matcher(line)).matches() && author == null) {
                author = m.group(1).strip();
            } else if ((m = EDITOR.matcher(line)).matches() && editor == null) {
                editor = m.group(1).strip();
            } else if ((m = REPORTER.matcher(line)).matches() && reporter == null) {
                reporter = m.group(2).strip();
            } else {
                paragraphs.add(line);
            }
            firstBodyLine = false;
        }

        if (summary == null && !paragraphs.isEmpty()) {
            summary = leadSentences(paragraphs.get(0));
        }
        return new ArticleDraft(title, summary, author != null ? author : reporter, editor, reporter, publisher, city,
                credit, findDate(text), bodyHtml(paragraphs), related, topics, null);
    }

    /** Non-blank lines, trimmed, with their 1-based line numbers in the submitted text. */
    private static List<Line> lines(String text) {
        String normalized = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<Line> lines = new ArrayList<>();
        String[] raw = normalized.split("\n", -1);
        for (int n = 0; n < raw.length; n++) {
            String line = SPACES.matcher(raw[n]).replaceAll(" ").strip();
            if (!line.isEmpty()) {
                lines.add(new Line(n + 1, line));
            }
        }
        return lines;
    }

    private static boolean isMarker(String line) {
        return AUTHOR.matcher(line).matches() || EDITOR.matcher(line).matches() || REPORTER.matcher(line).matches()
                || RELATED.matcher(line).matches() || CREDIT.matcher(line).matches() || TRAILER.matcher(line).matches();
    }

    /** Paragraphs as {@code <p>}, and a short line without final punctuation between two of them as {@code <h2>}. */
    static String bodyHtml(List<String> paragraphs) {
        Element body = new Document("").body();
        for (int p = 0; p < paragraphs.size(); p++) {
            String text = paragraphs.get(p);
            boolean between = p > 0 && p < paragraphs.size() - 1;
            boolean heading = between && isHeading(text) && !isHeading(paragraphs.get(p - 1));
            body.appendElement(heading ? "h2" : "p").text(text);
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        body.ownerDocument().outputSettings(out);
        return body.html();
    }

    static boolean isHeading(String line) {
        return line.length() <= MAX_HEADING_LENGTH
                && line.split(" ").length <= MAX_HEADING_WORDS
                && !FINAL_PUNCTUATION.matcher(line).find()
                && !OPENING_QUOTE.matcher(line).find()
                && Character.isLetterOrDigit(line.codePointAt(0));
    }

    /** The first {@code (DD/MM/YYYY)} that is a real date, as the start of that day in Jakarta. */
    static Instant findDate(String text) {
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                return date.atStartOfDay(NEWSROOM_ZONE).toInstant();
            } catch (DateTimeException ignored) {
                // "(31/02/2022)" is not a date; keep looking
            }
        }
        return null;
    }

    /** {@code TRIBUNNEWS.COM} → {@code Tribunnews.com}. */
    static String publisherName(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String titleCase(String words) {
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

    static String leadSentences(String paragraph) {
        if (paragraph.length() <= MAX_SUMMARY_LENGTH) {
            return paragraph;
        }
        int cut = paragraph.lastIndexOf(". ", MAX_SUMMARY_LENGTH);
        return cut > 40 ? paragraph.substring(0, cut + 1) : paragraph.substring(0, MAX_SUMMARY_LENGTH).strip() + "…";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private record Line(int number, String text) {
    }
}
