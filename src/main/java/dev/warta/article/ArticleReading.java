package dev.warta.article;

import java.util.List;

/** An article as read from its source, with notes for the editor (pages not joined, links left relative, ...). */
public record ArticleReading(ArticleDraft draft, List<String> notes) {

    public ArticleReading {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
