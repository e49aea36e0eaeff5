package dev.warta.search;

import java.time.Instant;

/** One result as the search page shows it: the entry's title and a snippet, matched words marked. */
public record SearchHit(long id, boolean stub, Highlight title, Highlight snippet, Instant published, SearchCursor cursor) {
}
