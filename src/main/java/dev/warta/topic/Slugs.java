package dev.warta.topic;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a topic label into its URL slug: lower case, ASCII, words joined by hyphens. */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** {@code "Konflik Rusia VS Ukraina"} → {@code "konflik-rusia-vs-ukraina"}; empty when nothing is left. */
    public static String of(String label) {
        String ascii = MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        return slug;
    }
}
