package dev.warta.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with its matched words marked, as pieces: the page prints each piece escaped and wraps the matched
 * ones in {@code <mark>}. PostgreSQL's {@code ts_headline} marks them with {@link #START} and {@link #STOP},
 * characters that the repository first removes from the text, so no markup from the text ever reaches the page.
 */
public record Highlight(List<Piece> pieces) {

    static final char START = '\u0001';
    static final char STOP = '\u0002';

    public record Piece(String text, boolean matched) {
    }

    public static Highlight ofMarked(String marked) {
        List<Piece> pieces = new ArrayList<>();
        if (marked == null) {
            return new Highlight(pieces);
        }
        StringBuilder piece = new StringBuilder();
        boolean matched = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == STOP) {
                add(pieces, piece, matched);
                matched = c == START;
            } else {
                piece.append(c);
            }
        }
        add(pieces, piece, matched);
        return new Highlight(List.copyOf(pieces));
    }

    private static void add(List<Piece> pieces, StringBuilder piece, boolean matched) {
        if (piece.length() > 0) {
            pieces.add(new Piece(piece.toString(), matched));
            piece.setLength(0);
        }
    }

    public boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** The text without marks. */
    public String plain() {
        StringBuilder all = new StringBuilder();
        pieces.forEach(p -> all.append(p.text()));
        return all.toString();
    }
}
