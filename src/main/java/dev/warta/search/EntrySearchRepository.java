package dev.warta.search;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Full-text reads of the {@code entry} table over its {@code search_vector} (kept by a trigger, see
 * {@code V76__add_entry_search_vector.sql}), in the {@code warta_indonesian} configuration: Snowball
 * Indonesian stems, case and accents folded. Results come newest first, paged by keyset.
 */
@ApplicationScoped
public class EntrySearchRepository {

    /** Marks {@code ts_headline} puts around matched words (see {@link Highlight}); the whole title is kept. */
    private static final String TITLE_MARKS = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.STOP
            + ", HighlightAll=true";
    private static final String SNIPPET_MARKS = "StartSel=" + Highlight.START + ", StopSel=" + Highlight.STOP
            + ", MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"";

    private static final String MATCHES = """
            from entry e where e.search_vector @@ websearch_to_tsquery('warta_indonesian', :q)""";
    private static final String OLDER_THAN = """
             and (e.published_at, e.id) < ('epoch'::timestamptz + :micros * interval '1 microsecond', :id)""";
    private static final String NEWEST_FIRST = " order by e.published_at desc, e.id desc limit :limit";

    /** A result's row before it becomes a {@link SearchHit}. */
    public record HitRow(long id, String kind, String markedTitle, String markedSnippet, long publishedMicros) {
    }

    private final EntityManager em;

    EntrySearchRepository(EntityManager em) {
        this.em = em;
    }

    /** Ids of the entries that match, newest first, after the cursor when there is one. */
    public List<Long> findMatchingIds(String query, Optional<SearchCursor> after, int limit) {
        Query select = bind(em.createNativeQuery("select e.id " + MATCHES + condition(after) + NEWEST_FIRST, Long.class),
                query, after, limit);
        @SuppressWarnings("unchecked")
        List<Long> ids = select.getResultList();
        return ids;
    }

    /**
     * Positions in result order ({@code published_at}, {@code id}) of the entries that match, the way feeds page: the
     * newest {@code limit} ({@code from} absent), or those just older ({@code older}) or just newer than {@code from};
     * older ones newest first, newer ones oldest first. {@code withStubs} false leaves stubs out.
     */
    public List<SearchCursor> findPositions(String query, Optional<SearchCursor> from, boolean older, boolean withStubs,
            int limit) {
        String keyset = from.isEmpty() ? "" : older ? OLDER_THAN : OLDER_THAN.replace(") <", ") >");
        String sql = "select e.id, (extract(epoch from e.published_at) * 1000000)::bigint " + MATCHES
                + (withStubs ? "" : " and e.kind <> 'stub'") + keyset
                + (from.isEmpty() || older ? NEWEST_FIRST : " order by e.published_at asc, e.id asc limit :limit");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql), query, from, limit).getResultList();
        return rows.stream().map(r -> new SearchCursor(((Number) r[1]).longValue(), ((Number) r[0]).longValue())).toList();
    }

    /**
     * The matching entries with title and snippet headlined, newest first. Headlines are made only for the rows
     * of the page (the inner select picks them), since {@code ts_headline} reparses each text. Marker
     * characters are removed from the texts first, so only PostgreSQL's marks remain; content is HTML, its
     * tags become spaces.
     */
    public List<HitRow> findHits(String query, Optional<SearchCursor> after, int limit) {
        String sql = """
                select p.id, p.kind,
                       ts_headline('warta_indonesian', translate(p.title, chr(1) || chr(2), ''), p.q, :titleMarks),
                       ts_headline('warta_indonesian', translate(regexp_replace(coalesce(p.summary, p.content_html, ''),
                                   '<[^>]*>', ' ', 'g'), chr(1) || chr(2), ''), p.q, :snippetMarks),
                       (extract(epoch from p.published_at) * 1000000)::bigint
                from (select e.id, e.kind, e.title, e.summary, e.content_html, e.published_at,
                             websearch_to_tsquery('warta_indonesian', :q) as q
                      """ + MATCHES + condition(after) + NEWEST_FIRST + """
                ) p order by p.published_at desc, p.id desc""";
        Query select = bind(em.createNativeQuery(sql), query, after, limit)
                .setParameter("titleMarks", TITLE_MARKS).setParameter("snippetMarks", SNIPPET_MARKS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return rows.stream().map(r -> new HitRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue())).toList();
    }

    private static String condition(Optional<SearchCursor> after) {
        return after.isPresent() ? OLDER_THAN : "";
    }

    private static Query bind(Query select, String query, Optional<SearchCursor> after, int limit) {
        select.setParameter("q", query).setParameter("limit", limit);
        after.ifPresent(c -> select.setParameter("micros", c.publishedMicros()).setParameter("id", c.id()));
        return select;
    }
}
