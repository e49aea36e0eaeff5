package dev.warta.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Searches entries: ids for the admin API, headlined pages for the search page. */
@ApplicationScoped
public class SearchService {

    /** The {@code entry.kind} of a stub; this package reads the table, not the {@code entry} package's types. */
    private static final String STUB_KIND = "stub";

    private final EntrySearchRepository entries;

    SearchService(EntrySearchRepository entries) {
        this.entries = entries;
    }

    /** Ids of the newest {@code limit} entries matching {@code q}; a blank or over-long {@code q} is invalid. */
    @Transactional
    public List<Long> matchingIds(String q, int limit) {
        return entries.findMatchingIds(new SearchQuery(q).text(), Optional.empty(), limit);
    }

    /**
     * Where the matching entries sit in result order (newest first), for a search read as a feed: see
     * {@link EntrySearchRepository#findPositions}. Joins the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SearchCursor> positions(SearchQuery query, Optional<SearchCursor> from, boolean older, boolean withStubs,
            int limit) {
        return entries.findPositions(query.text(), from, older, withStubs, limit);
    }

    /** One page of results older than {@code before} (a cursor from an earlier page), newest first. */
    @Transactional
    public SearchResults page(SearchQuery query, Optional<SearchCursor> before, int size) {
        List<EntrySearchRepository.HitRow> rows = entries.findHits(query.text(), before, size + 1);
        List<SearchHit> hits = new ArrayList<>();
        for (EntrySearchRepository.HitRow row : rows.subList(0, Math.min(size, rows.size()))) {
            SearchCursor at = new SearchCursor(row.publishedMicros(), row.id());
            hits.add(new SearchHit(row.id(), STUB_KIND.equals(row.kind()), Highlight.ofMarked(row.markedTitle()),
                    Highlight.ofMarked(row.markedSnippet()), Instant.EPOCH.plus(row.publishedMicros(), ChronoUnit.MICROS), at));
        }
        Optional<SearchCursor> older = rows.size() > size ? Optional.of(hits.get(hits.size() - 1).cursor()) : Optional.empty();
        return new SearchResults(query, List.copyOf(hits), older);
    }
}
