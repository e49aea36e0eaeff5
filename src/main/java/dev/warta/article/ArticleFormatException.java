package dev.warta.article;

import dev.warta.ProblemException;

/**
 * The submitted text is not an article in the newsroom format. {@code line} is 1-based, or 0 for the whole;
 * {@link #fault()} says what is wrong, {@link #subject()} (may be null) the text at fault, so that a page can say it
 * in its own language.
 */
public class ArticleFormatException extends ProblemException.Invalid {

    /** What keeps the text from being an article. */
    public enum Fault {
        /** Nothing but white space. */
        EMPTY,
        /** The first line is a marker (a byline, "Baca juga", a dateline...), not a headline. */
        HEADLINE_IS_MARKER,
        /** The first line is longer than a headline can be. */
        HEADLINE_TOO_LONG,
        /** The same, and the text has no line breaks at all: sent with {@code curl -d}, which strips them. */
        NO_LINE_BREAKS,
        /** The first line has no letters or digits. */
        HEADLINE_WITHOUT_WORDS
    }

    private final int line;
    private final Fault fault;
    private final String subject;

    public ArticleFormatException(Fault fault, String subject, String message, int line) {
        super("invalid-article", message);
        this.line = line;
        this.fault = fault;
        this.subject = subject;
        if (line > 0) {
            with("line", line);
        }
    }

    public int line() {
        return line;
    }

    public Fault fault() {
        return fault;
    }

    public String subject() {
        return subject;
    }
}
