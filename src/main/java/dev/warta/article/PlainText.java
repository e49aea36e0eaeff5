package dev.warta.article;

import java.util.regex.Pattern;

/** The two questions every reader of article text asks of a string. */
final class PlainText {

    /** Pages and pasted text use non-breaking and figure spaces where a space is meant. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private PlainText() {
    }

    /** Runs of any kind of space as one space, without leading or trailing ones; "" for null. */
    static String spaces(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Whether the string holds a letter or a digit: punctuation alone is no title, name or topic. */
    static boolean hasWord(String s) {
        return s != null && HAS_WORD.matcher(s).find();
    }
}
