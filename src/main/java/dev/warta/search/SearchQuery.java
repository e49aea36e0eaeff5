package dev.warta.search;

import dev.warta.ProblemException;

/**
 * What a reader typed into search, checked: not blank and at most {@link #MAX_LENGTH} characters. It is handed
 * to PostgreSQL's {@code websearch_to_tsquery}, which never fails on its input: words, {@code "phrases"},
 * {@code -exclusions} and {@code or}.
 */
public record SearchQuery(String text) {

    /** Longer than any real search; bounds the work one request can ask of the index. */
    public static final int MAX_LENGTH = 200;

    /**
     * The same search in one spelling: spaces collapsed and lower case, which {@code websearch_to_tsquery} in the
     * case-folding {@code warta_indonesian} configuration reads the same way ({@code OR} and {@code or} alike). Feeds
     * of a search are cached and linked under it.
     */
    public SearchQuery normalized() {
        return new SearchQuery(text.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
    }

    public SearchQuery {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("invalid-parameter", "q must not be blank").with("field", "q");
        }
        text = text.strip();
        if (text.length() > MAX_LENGTH) {
            throw ProblemException.invalid("invalid-parameter", "q must be at most " + MAX_LENGTH + " characters")
                    .with("field", "q");
        }
    }
}
