package dev.warta.search;

import java.util.List;
import java.util.Optional;

/** A page of results, newest first, and where the next (older) page starts when there is one. */
public record SearchResults(SearchQuery query, List<SearchHit> hits, Optional<SearchCursor> older) {
}
