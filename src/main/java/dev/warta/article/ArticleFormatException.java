package dev.warta.article;

/** The submitted text is not an article in the newsroom format. {@code line} is 1-based, or 0 for the whole. */
public class ArticleFormatException extends RuntimeException {

    private final int line;

    public ArticleFormatException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
