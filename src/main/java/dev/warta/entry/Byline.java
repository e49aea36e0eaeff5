package dev.warta.entry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who wrote, edited and credits an article, as the newsroom's bylines name them: {@code Penulis:},
 * {@code Editor:}, {@code Laporan Wartawan …}, the publisher, the dateline's city and the photo or text
 * credit. Each part is null when the article does not say. Drafts, stored entries, previews and views carry
 * it as one value (JSON writes its parts flat, with {@code @JsonUnwrapped}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Byline(String author, String editor, String reporter, String publisher, String city, String credit) {

    public static final Byline NONE = new Byline(null, null, null, null, null, null);

    /** Blank parts become null and the rest is stripped, so that equal bylines compare equal. */
    public Byline {
        author = clean(author);
        editor = clean(editor);
        reporter = clean(reporter);
        publisher = clean(publisher);
        city = clean(city);
        credit = clean(credit);
    }

    public static Byline author(String author) {
        return new Byline(author, null, null, null, null, null);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
