package dev.warta.article;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.warta.article.ArticleFormatException.Fault;
import dev.warta.article.NewsroomMarkers.Role;
import dev.warta.entry.Byline;

/**
 * Reads an article in the newsroom's plain-text format:
 *
 * <pre>
 * Headline
 * Lede
 * Penulis: ...            (any order, each optional; also "Editor:" and "Laporan Wartawan X, Name")
 * TRIBUNNEWS.COM, CITY - first paragraph ...
 * paragraphs, with short unpunctuated lines between them as subheadings
 * Baca juga: related title   (also "Simak juga", "Baca pula")
 * (Tribunnews.com/Credit)
 * Artikel lain terkait Topic
 * </pre>
 *
 * What each marked line is, {@link NewsroomMarkers} says, for this parser and the page parser alike. Blank
 * lines, Windows or old Mac line endings, a byte-order mark and non-breaking spaces are tolerated.
 */
public class ArticleTextParser {

    /** The newsroom's zone: a date written in an article is a day in Jakarta. */
    public static final ZoneId NEWSROOM_ZONE = ZoneId.of("Asia/Jakarta");

    static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_HEADING_LENGTH = 90;
    private static final int MAX_HEADING_WORDS = 12;
    private static final int MAX_SUMMARY_LENGTH = 400;

    private static final Pattern DATE = Pattern.compile("\\((\\d{1,2})/(\\d{1,2})/(\\d{4})\\)");
    private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?:;,…\"'”’»)\\]]$");
    private static final Pattern OPENING_QUOTE = Pattern.compile("^[\"'“‘«(\\[-]");

    public ArticleDraft parse(String text) {
        List<Line> lines = lines(text);
        String title = headline(lines);
        Head head = new Head();
        int i = head.read(lines);
        Body body = new Body(head.people);
        for (; i < lines.size(); i++) {
            body.read(lines.get(i).text);
        }
        String summary = head.summary;
        if (summary == null && !body.paragraphs.isEmpty()) {
            summary = leadSentences(body.paragraphs.get(0));
        }
        String reporter = body.people.get(Role.REPORTER);
        Byline byline = new Byline(body.people.getOrDefault(Role.AUTHOR, reporter), body.people.get(Role.EDITOR), reporter,
                body.publisher, body.city, body.credit);
        return new ArticleDraft(title, summary, byline, findDate(text), bodyHtml(body.paragraphs), body.related, body.topics);
    }

    /** The first line, when it can be a headline. */
    private static String headline(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new ArticleFormatException(Fault.EMPTY, null, "the article is empty", 0);
        }
        Line first = lines.get(0);
        if (NewsroomMarkers.isMarker(first.text)) {
            throw new ArticleFormatException(Fault.HEADLINE_IS_MARKER, abbreviate(first.text),
                    "the first line must be the headline, but it is \"" + abbreviate(first.text) + "\"", first.number);
        }
        if (first.text.length() > MAX_TITLE_LENGTH) {
            String detail = "the first line must be the headline, but it is " + first.text.length()
                    + " characters long (at most " + MAX_TITLE_LENGTH + ")";
            if (lines.size() == 1) {
                // curl -d @file strips a file's line breaks; --data-binary keeps them.
                throw new ArticleFormatException(Fault.NO_LINE_BREAKS, String.valueOf(first.text.length()), detail
                        + ", and the text has no line breaks: curl -d strips them, send the file with --data-binary @file",
                        first.number);
            }
            throw new ArticleFormatException(Fault.HEADLINE_TOO_LONG, String.valueOf(first.text.length()), detail, first.number);
        }
        if (!PlainText.hasWord(first.text)) {
            throw new ArticleFormatException(Fault.HEADLINE_WITHOUT_WORDS, first.text,
                    "the headline \"" + first.text + "\" has no letters or digits", first.number);
        }
        return first.text;
    }

    /** The lines between headline and body: the lede and the bylines, in any order; the last of a role counts. */
    private static final class Head {
        final Map<Role, String> people = new EnumMap<>(Role.class);
        String summary;

        /** Reads the head; returns the index of the body's first line. */
        int read(List<Line> lines) {
            int i = 1;
            for (; i < lines.size(); i++) {
                String line = lines.get(i).text;
                NewsroomMarkers.Line kind = NewsroomMarkers.classify(line);
                if (kind instanceof NewsroomMarkers.Person p) {
                    people.put(p.role(), p.name());
                } else if (i == 1 && kind instanceof NewsroomMarkers.Text) {
                    summary = line;
                } else {
                    break;
                }
            }
            return i;
        }
    }

    /**
     * The body's lines: the dateline opening the first, paragraphs, and the markers that become fields. A byline
     * for a role the head already named is a paragraph, as the writer may quote one.
     */
    private static final class Body {
        final Map<Role, String> people;
        final List<String> paragraphs = new ArrayList<>();
        final List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        String publisher;
        String city;
        String credit;
        boolean first = true;

        Body(Map<Role, String> head) {
            this.people = new EnumMap<>(Role.class);
            this.people.putAll(head);
        }

        void read(String line) {
            NewsroomMarkers.Line kind = NewsroomMarkers.classify(line);
            boolean opening = first;
            first = false;
            if (opening && kind instanceof NewsroomMarkers.Dateline d) {
                publisher = d.publisher();
                city = d.city();
                if (!d.rest().isBlank()) {
                    paragraphs.add(d.rest());
                }
            } else if (kind instanceof NewsroomMarkers.Related r) {
                if (r.title() != null) {
                    related.add(new ArticleDraft.RelatedArticle(r.title(), null));
                }
            } else if (kind instanceof NewsroomMarkers.Credit c) {
                credit = c.credit();
            } else if (kind instanceof NewsroomMarkers.Trailer t) {
                if (t.topic() != null && topics.stream().noneMatch(t.topic()::equalsIgnoreCase)) {
                    topics.add(t.topic());
                }
            } else if (kind instanceof NewsroomMarkers.Person p && !people.containsKey(p.role())) {
                people.put(p.role(), p.name());
            } else {
                paragraphs.add(line);
            }
        }
    }

    /** Non-blank lines, trimmed, with their 1-based line numbers in the submitted text. */
    private static List<Line> lines(String text) {
        String normalized = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<Line> lines = new ArrayList<>();
        String[] raw = normalized.split("\n", -1);
        for (int n = 0; n < raw.length; n++) {
            String line = PlainText.spaces(raw[n]);
            if (!line.isEmpty()) {
                lines.add(new Line(n + 1, line));
            }
        }
        return lines;
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
