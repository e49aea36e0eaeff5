package dev.warta.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.LeadImage;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * The {@code entry} table: the reads that feeds and pages make through Hibernate, and the statements of the one
 * write path (ingest), which binds whole batches as arrays.
 */
@ApplicationScoped
public class EntryRepository implements PanacheRepository<Entry> {

    /** The zone in which a desk article's publication day is counted (the newsroom's). */
    public static final ZoneId DESK_ZONE = ZoneId.of("Asia/Jakarta");

    /**
     * Positions in feed order of every entry: the newest {@code limit} ({@code from} null), or those just older
     * ({@code older}) or just newer than {@code from}; older ones come newest first, newer ones oldest first. A range
     * of {@code entry_published_idx}, however deep the page; without stubs ({@code withStubs} false) one of
     * {@code entry_published_not_stub_idx}, the partial index of the same order.
     */
    public List<Cursor> findPositions(Cursor from, boolean older, boolean withStubs, int limit) {
        String kind = withStubs ? "true " : "kind <> 'stub' ";
        String keyset = from == null ? "" : older ? "and (published_at, id) < (?, ?) " : "and (published_at, id) > (?, ?) ";
        String order = from == null || older ? "order by published_at desc, id desc" : "order by published_at asc, id asc";
        return Jdbc.call(getEntityManager(), c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select published_at, id from entry where " + kind + keyset + order + " limit ?")) {
                int i = 1;
                if (from != null) {
                    st.setObject(i++, from.published().atOffset(ZoneOffset.UTC));
                    st.setLong(i++, from.id());
                }
                st.setInt(i, limit);
                return Jdbc.positions(st);
            }
        });
    }

    /** The entries with these ids, in the order given (ids of entries deleted meanwhile are left out). */
    public List<Entry> findInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Entry> byId = new HashMap<>();
        list("id in ?1", ids).forEach(e -> byId.put(e.id, e));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Entries whose related links point at this entry ("linked from"). */
    public List<Entry> linking(long targetId) {
        return find("select distinct r.entry from RelatedLink r where r.target.id = ?1", targetId).list();
    }

    // The write path's statements (JDBC on the transaction's connection, arrays for batches of any size).

    private static final String COLUMNS = """
            id, uid, kind, title, title_key, summary, content_html, author, editor, reporter, publisher, city, credit, url,
            image_url, image_type, image_width, image_height, image_caption, image_credit, published_at, updated_at,
            created_at, content_hash, source_id, source_title, source_feed_url, source_site_url, published_day_only""";

    public Map<Long, EntryRow> findRows(Collection<Long> ids) {
        Map<Long, EntryRow> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            select("id = any(?)", (c, st) -> st.setArray(1, Jdbc.longs(c, ids, id -> id))).forEach(r -> rows.put(r.id(), r));
        }
        return rows;
    }

    /** The entries at these canonical addresses, by address. */
    public Map<String, EntryRow> findRowsByUrl(Collection<String> urls) {
        Map<String, EntryRow> rows = new HashMap<>();
        if (!urls.isEmpty()) {
            select("url = any(?)", (c, st) -> st.setArray(1, Jdbc.texts(c, urls, u -> u))).forEach(r -> rows.put(r.url(), r));
        }
        return rows;
    }

    /** The desk article with this title key published on this day (in {@link #DESK_ZONE}). */
    public Optional<EntryRow> findArticleOnDay(String titleKey, LocalDate day) {
        return select("kind = 'article' and title_key = ? and published_at >= ? and published_at < ? limit 1", (c, st) -> {
            st.setString(1, titleKey);
            st.setObject(2, day.atStartOfDay(DESK_ZONE).toOffsetDateTime());
            st.setObject(3, day.plusDays(1).atStartOfDay(DESK_ZONE).toOffsetDateTime());
        }).stream().findFirst();
    }

    /** The newest desk article with this title key, whatever its day. */
    public Optional<EntryRow> findLatestArticle(String titleKey) {
        return select("kind = 'article' and title_key = ? order by published_at desc, id desc limit 1",
                (c, st) -> st.setString(1, titleKey)).stream().findFirst();
    }

    /** The stub of this title key (there is at most one). */
    public Optional<EntryRow> findStub(String titleKey) {
        return select("kind = 'stub' and title_key = ? limit 1", (c, st) -> st.setString(1, titleKey)).stream().findFirst();
    }

    /**
     * The items of a source that retention removes: beyond its newest {@code maxEntries}, and published before
     * {@code oldest} unless among its newest {@code keep}.
     */
    public List<Long> findExpiredItems(long sourceId, int maxEntries, int keep, Instant oldest) {
        return ids("""
                select id from (select id, published_at, row_number() over (order by published_at desc, id desc) as rank
                                from entry where source_id = ? and kind = 'item') ranked
                where rank > ? or (published_at < ? and rank > ?)""", (c, st) -> {
            st.setLong(1, sourceId);
            st.setInt(2, maxEntries);
            st.setObject(3, oldest.atOffset(ZoneOffset.UTC));
            st.setInt(4, keep);
        });
    }

    /** Those of these entries that are stubs no related link names. */
    public List<Long> findUnlinkedStubs(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ids("""
                select e.id from entry e where e.kind = 'stub' and e.id = any(?)
                and not exists (select 1 from related_link r where r.target_entry_id = e.id)""",
                (c, st) -> st.setArray(1, Jdbc.longs(c, ids, id -> id)));
    }

    /**
     * Inserts the rows (ids given); a row that meets a unique key another row already holds (its address, the
     * title of a stub, the title and day of a desk article) is skipped. Returns the ids inserted.
     */
    public Set<Long> insert(List<EntryRow> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(ids("""
                insert into entry (id, uid, kind, title, title_key, summary, content_html, author, editor, reporter,
                                   publisher, city, credit, url, image_url, image_type, image_width, image_height,
                                   image_caption, image_credit, published_at, updated_at, created_at, content_hash,
                                   source_id, source_title, source_feed_url, source_site_url, published_day_only)
                select x.id, x.uid::uuid, x.kind, x.title, x.key, x.summary, x.content, x.author, x.editor, x.reporter,
                       x.publisher, x.city, x.credit, x.url, x.image, x.image_type, x.image_width, x.image_height,
                       x.image_caption, x.image_credit, x.published::timestamptz, x.updated::timestamptz,
                       x.created::timestamptz, x.hash, x.source_id, x.source_title, x.feed_url, x.site_url, x.day_only
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                     as x(id, uid, kind, title, key, summary, content, author, editor, reporter, publisher, city, credit, url,
                          image, image_type, image_width, image_height, image_caption, image_credit, published, updated,
                          created, hash, source_id, source_title, feed_url, site_url, day_only)
                on conflict do nothing returning id""", (c, st) -> {
            int i = 1;
            st.setArray(i++, Jdbc.longs(c, rows, EntryRow::id));
            st.setArray(i++, Jdbc.texts(c, rows, r -> r.uid().toString()));
            st.setArray(i++, Jdbc.texts(c, rows, r -> r.kind().dbValue()));
            i = bindContent(c, st, i, rows);
            st.setArray(i++, Jdbc.instants(c, rows, EntryRow::createdAt));
            st.setArray(i++, Jdbc.texts(c, rows, EntryRow::contentHash));
            i = bindProvenance(c, st, i, rows);
            st.setArray(i++, Jdbc.booleans(c, rows, EntryRow::publishedDayOnly));
        }));
    }

    /**
     * Writes each row over its entry, where the entry still has the version the update expects; every column
     * but the id, uid and creation time is written. Returns the ids written.
     */
    public Set<Long> update(List<EntryUpdate> updates) {
        if (updates.isEmpty()) {
            return Set.of();
        }
        List<EntryRow> rows = updates.stream().map(EntryUpdate::row).toList();
        return Set.copyOf(ids("""
                update entry e set kind = x.kind, title = x.title, title_key = x.key, summary = x.summary,
                       content_html = x.content, author = x.author, editor = x.editor, reporter = x.reporter,
                       publisher = x.publisher, city = x.city, credit = x.credit, url = x.url, image_url = x.image,
                       image_type = x.image_type, image_width = x.image_width, image_height = x.image_height,
                       image_caption = x.image_caption, image_credit = x.image_credit,
                       published_at = x.published::timestamptz, updated_at = x.updated::timestamptz, content_hash = x.hash,
                       source_id = x.source_id, source_title = x.source_title, source_feed_url = x.feed_url,
                       source_site_url = x.site_url, published_day_only = x.day_only
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::boolean[])
                     as x(id, kind, title, key, summary, content, author, editor, reporter, publisher, city, credit, url,
                          image, image_type, image_width, image_height, image_caption, image_credit, published, updated,
                          hash, source_id, source_title, feed_url, site_url,
                          was_kind, was_source, was_hash, day_only)
                where e.id = x.id and e.kind = x.was_kind and e.source_id is not distinct from x.was_source
                  and e.content_hash is not distinct from x.was_hash
                returning e.id""", (c, st) -> {
            int i = 1;
            st.setArray(i++, Jdbc.longs(c, rows, EntryRow::id));
            st.setArray(i++, Jdbc.texts(c, rows, r -> r.kind().dbValue()));
            i = bindContent(c, st, i, rows);
            st.setArray(i++, Jdbc.texts(c, rows, EntryRow::contentHash));
            i = bindProvenance(c, st, i, rows);
            st.setArray(i++, Jdbc.texts(c, updates, u -> u.expected().kind().dbValue()));
            st.setArray(i++, Jdbc.longs(c, updates, u -> u.expected().sourceId()));
            st.setArray(i++, Jdbc.texts(c, updates, u -> u.expected().contentHash()));
            st.setArray(i++, Jdbc.booleans(c, rows, EntryRow::publishedDayOnly));
        }));
    }

    /** Deletes the entries; their topics and own related links go with them (foreign keys cascade). */
    public int delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return Jdbc.call(getEntityManager(), c -> {
            try (PreparedStatement st = c.prepareStatement("delete from entry where id = any(?)")) {
                st.setArray(1, Jdbc.longs(c, ids, id -> id));
                return st.executeUpdate();
            }
        });
    }

    /** Binds title to updated time, the columns insert and update share in this order. */
    private static int bindContent(Connection c, PreparedStatement st, int first, List<EntryRow> rows) throws SQLException {
        int i = first;
        st.setArray(i++, Jdbc.texts(c, rows, EntryRow::title));
        st.setArray(i++, Jdbc.texts(c, rows, EntryRow::titleKey));
        st.setArray(i++, Jdbc.texts(c, rows, EntryRow::summary));
        st.setArray(i++, Jdbc.texts(c, rows, EntryRow::contentHtml));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.byline().author()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.byline().editor()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.byline().reporter()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.byline().publisher()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.byline().city()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.byline().credit()));
        st.setArray(i++, Jdbc.texts(c, rows, EntryRow::url));
        i = bindImage(c, st, i, rows);
        st.setArray(i++, Jdbc.instants(c, rows, EntryRow::publishedAt));
        st.setArray(i++, Jdbc.instants(c, rows, EntryRow::updatedAt));
        return i;
    }

    private static int bindImage(Connection c, PreparedStatement st, int first, List<EntryRow> rows) throws SQLException {
        int i = first;
        st.setArray(i++, Jdbc.texts(c, rows, EntryRow::imageUrl));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.image() == null ? null : r.image().type()));
        st.setArray(i++, Jdbc.longs(c, rows, r -> r.image() == null || r.image().width() == null ? null : (long) r.image().width()));
        st.setArray(i++, Jdbc.longs(c, rows, r -> r.image() == null || r.image().height() == null ? null : (long) r.image().height()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.image() == null ? null : r.image().caption()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.image() == null ? null : r.image().credit()));
        return i;
    }

    private static int bindProvenance(Connection c, PreparedStatement st, int first, List<EntryRow> rows) throws SQLException {
        int i = first;
        st.setArray(i++, Jdbc.longs(c, rows, EntryRow::sourceId));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.source() == null ? null : r.source().title()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.source() == null ? null : r.source().feedUrl()));
        st.setArray(i++, Jdbc.texts(c, rows, r -> r.source() == null ? null : r.source().siteUrl()));
        return i;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Connection c, PreparedStatement st) throws SQLException;
    }

    private List<EntryRow> select(String condition, Binder binder) {
        return Jdbc.call(getEntityManager(), c -> {
            try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from entry where " + condition)) {
                binder.bind(c, st);
                List<EntryRow> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Runs a statement that answers ids (a select, or an insert or update {@code returning id}). */
    private List<Long> ids(String sql, Binder binder) {
        return Jdbc.call(getEntityManager(), c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                binder.bind(c, st);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    private static EntryRow row(ResultSet rs) throws SQLException {
        String feedUrl = rs.getString("source_feed_url");
        Provenance source = feedUrl == null ? null
                : new Provenance(Jdbc.longOrNull(rs, "source_id"), rs.getString("source_title"), feedUrl,
                        rs.getString("source_site_url"));
        Byline byline = new Byline(rs.getString("author"), rs.getString("editor"), rs.getString("reporter"),
                rs.getString("publisher"), rs.getString("city"), rs.getString("credit"));
        return new EntryRow(rs.getLong("id"), rs.getObject("uid", UUID.class), EntryKind.ofDb(rs.getString("kind")),
                rs.getString("title"), rs.getString("title_key"), rs.getString("summary"), rs.getString("content_html"),
                byline, rs.getString("url"), image(rs), Jdbc.instant(rs, "published_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "created_at"), rs.getString("content_hash"), source,
                rs.getBoolean("published_day_only"));
    }

    private static LeadImage image(ResultSet rs) throws SQLException {
        String url = rs.getString("image_url");
        return url == null || url.isBlank() ? null : new LeadImage(url, rs.getString("image_type"), rs.getObject("image_width", Integer.class),
                rs.getObject("image_height", Integer.class), rs.getString("image_caption"), rs.getString("image_credit"));
    }
}
