package dev.warta.article;

import dev.warta.ProblemException;

/** The submitted text is not an article in the newsroom format. {@code line} is 1-based, or 0 for the whole. */
public class ArticleFormatException extends ProblemException.Invalid {

    private final int line;

    public ArticleFormatException(String message, int line) {
        super("invalid-article", message);
        this.line = line;
        if (line > 0) {
            with("line", line);
        }
    }

    public int line() {
        return line;
    }
}
