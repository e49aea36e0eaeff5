package dev.warta.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which two titles are compared: case, accents, punctuation and spacing do not count.
 * {@code "Zelensky  Minta Warga Kabur!"} and {@code "zelensky minta warga kabur"} are the same title.
 */
public final class TitleKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleKey() {
    }

    public static String of(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
