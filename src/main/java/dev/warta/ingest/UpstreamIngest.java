package dev.warta.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.warta.topic.FeedVersionBump;
import dev.warta.topic.TopicClassifier;
import dev.warta.topic.TopicClassifiers;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The write path for upstream items: one transaction per batch, a fixed number of set-based statements
 * whatever the number of items (arrays in, {@code unnest} in SQL), no round trip per item.
 *
 * <ul>
 * <li>Per source, an item is known by the SHA-256 of its upstream id: {@code source_item (source_id, guid_hash)}.
 * Claiming that key first ({@code insert … on conflict do nothing returning}) is what makes two processes
 * ingesting the same items store each once: the second waits for the first's commit and gets nothing back.</li>
 * <li>Across sources, an item is known by its canonical link ({@code entry.url} is unique): a second feed with
 * the same article points its item at the existing entry; a related-article stub with that address is
 * filled in place.</li>
 * <li>An item whose content changed upstream updates its entry ({@code updated} moves, {@code published} stays).</li>
 * <li>Retention removes a source's entries beyond its count and age and leaves tombstones
 * ({@code source_item.entry_id} null), so the next fetch does not bring them back.</li>
 * </ul>
 */
@ApplicationScoped
public class UpstreamIngest {

    private static final int ATTEMPTS = 3;
    /** entry_id_seq steps by 50; Hibernate hands out the 50 ids below each value, and so does this class. */
    private static final int ID_BLOCK = 50;

    private final EntityManager em;
    private final TopicClassifiers classifiers;
    private final Event<EntriesChanged> changed;

    UpstreamIngest(EntityManager em, TopicClassifiers classifiers, Event<EntriesChanged> changed) {
        this.em = em;
        this.classifiers = classifiers;
        this.changed = changed;
    }

    public UpstreamResult ingest(UpstreamBatch batch) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> store(batch));
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    Log.debugf("Concurrent ingest of source %d collided; retrying", batch.sourceId());
                    continue;
                }
                throw e;
            }
        }
    }

    /** An item ready to store: identity and digest computed, content not yet sanitized. */
    private static final class Prepared {
        final ItemDraft draft;
        final String guidHash;
        final String url;
        final String title;
        final String contentHash;
        Set<Long> topics;
        Long entryId;

        Prepared(ItemDraft draft, String guidHash, String url, String title, String contentHash) {
            this.draft = draft;
            this.guidHash = guidHash;
            this.url = url;
            this.title = title;
            this.contentHash = contentHash;
        }
    }

    private UpstreamResult store(UpstreamBatch batch) {
        Instant now = batch.now().truncatedTo(ChronoUnit.MICROS);
        Instant oldest = now.minus(batch.retention().maxAge());
        int unchanged = 0;
        Map<String, Prepared> byGuid = new LinkedHashMap<>();
        for (ItemDraft item : batch.items()) {
            if (item.publishedAt().isBefore(oldest)) {
                unchanged++;
                continue;
            }
            String guidHash = sha256(item.guid());
            if (byGuid.containsKey(guidHash)) {
                continue; // the same id twice in one document: the first counts
            }
            String title = title(item);
            byGuid.put(guidHash, new Prepared(item, guidHash, LinkCanonicalizer.canonical(item.link()), title, contentHash(item, title)));
        }
        // A feed longer than the source keeps: only its newest items are stored.
        List<Prepared> items = new ArrayList<>(byGuid.values());
        if (items.size() > batch.retention().maxEntries()) {
            items.sort(Comparator.comparing((Prepared p) -> p.draft.publishedAt()).reversed());
            unchanged += items.size() - batch.retention().maxEntries();
            items = new ArrayList<>(items.subList(0, batch.retention().maxEntries()));
        }
        List<Prepared> work = items;
        int skipped = unchanged;
        return em.unwrap(Session.class).doReturningWork(conn -> write(conn, batch, work, now, skipped));
    }

    private UpstreamResult write(Connection conn, UpstreamBatch batch, List<Prepared> items, Instant now, int skipped)
            throws SQLException {
        long sourceId = batch.sourceId();
        int unchanged = skipped;
        Map<String, Prepared> byGuid = new HashMap<>();
        items.forEach(p -> byGuid.put(p.guidHash, p));

        // 1. What this source already carried.
        Map<String, String[]> known = new HashMap<>();
        try (PreparedStatement st = conn.prepareStatement(
                "select guid_hash, entry_id, content_hash from source_item where source_id = ? and guid_hash = any(?)")) {
            st.setLong(1, sourceId);
            st.setArray(2, texts(conn, items.stream().map(p -> p.guidHash).toList()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
                }
            }
        }
        List<Prepared> fresh = new ArrayList<>();
        List<Prepared> changedItems = new ArrayList<>();
        for (Prepared p : items) {
            String[] k = known.get(p.guidHash);
            if (k == null) {
                fresh.add(p);
            } else if (k[0] == null || p.contentHash.equals(k[1])) {
                unchanged++; // tombstone, or nothing new
            } else {
                p.entryId = Long.valueOf(k[0]);
                changedItems.add(p);
            }
        }

        TopicClassifier classifier = fresh.isEmpty() && changedItems.isEmpty() ? TopicClassifier.EMPTY : classifiers.current();
        Set<Long> touchedTopics = new TreeSet<>();
        int created = 0;
        int updated = 0;

        // 2. Claim the new items' keys; a key another transaction claimed first is its to store.
        List<Prepared> claimed = new ArrayList<>();
        if (!fresh.isEmpty()) {
            fresh.sort(Comparator.comparing(p -> p.guidHash)); // one lock order for every process
            try (PreparedStatement st = conn.prepareStatement("""
                    insert into source_item (source_id, guid_hash, content_hash, created_at)
                    select ?, g, h, ? from unnest(?::text[], ?::text[]) as x(g, h)
                    on conflict do nothing returning guid_hash""")) {
                st.setLong(1, sourceId);
                st.setTimestamp(2, Timestamp.from(now));
                st.setArray(3, texts(conn, fresh.stream().map(p -> p.guidHash).toList()));
                st.setArray(4, texts(conn, fresh.stream().map(p -> p.contentHash).toList()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(byGuid.get(rs.getString(1)));
                    }
                }
            }
            unchanged += fresh.size() - claimed.size();
        }

        if (!claimed.isEmpty()) {
            for (Prepared p : claimed) {
                p.topics = topicsOf(p, batch, classifier);
            }
            // 3. Entries other feeds (or related links) already brought under the same address.
            Map<String, long[]> byUrl = entriesByUrl(conn, claimed);
            List<Prepared> toInsert = new ArrayList<>();
            List<Prepared> toFill = new ArrayList<>();
            for (Prepared p : claimed) {
                long[] existing = p.url == null ? null : byUrl.get(p.url);
                if (existing == null) {
                    toInsert.add(p);
                } else {
                    p.entryId = existing[0];
                    if (existing[1] == 1) {
                        toFill.add(p);
                    }
                }
            }
            // 4. New entries, ids reserved from the entry sequence in one statement.
            if (!toInsert.isEmpty()) {
                List<Long> ids = reserveIds(conn, toInsert.size());
                for (int i = 0; i < toInsert.size(); i++) {
                    toInsert.get(i).entryId = ids.get(i);
                }
                Set<Long> inserted = insertEntries(conn, batch, toInsert, now);
                List<Prepared> lost = new ArrayList<>();
                for (Prepared p : toInsert) {
                    if (!inserted.contains(p.entryId)) {
                        p.entryId = null;
                        lost.add(p);
                    }
                }
                if (!lost.isEmpty()) {
                    // Another item (of this batch or a concurrent one) took the address: point at its entry.
                    Map<String, long[]> winners = entriesByUrl(conn, lost);
                    for (Prepared p : lost) {
                        long[] w = winners.get(p.url);
                        if (w == null) {
                            throw new IllegalStateException("entry for " + p.url + " vanished during ingest");
                        }
                        p.entryId = w[0];
                    }
                }
            }
            if (!toFill.isEmpty()) {
                fillStubs(conn, batch, toFill, now);
            }
            // 5. Topics and the item → entry links.
            insertTopics(conn, claimed, touchedTopics);
            try (PreparedStatement st = conn.prepareStatement("""
                    update source_item si set entry_id = x.e from unnest(?::text[], ?::bigint[]) as x(g, e)
                    where si.source_id = ? and si.guid_hash = x.g""")) {
                st.setArray(1, texts(conn, claimed.stream().map(p -> p.guidHash).toList()));
                st.setArray(2, longs(conn, claimed.stream().map(p -> p.entryId).toList()));
                st.setLong(3, sourceId);
                st.executeUpdate();
            }
            created = claimed.size();
        }

        // 6. Items whose content changed upstream.
        if (!changedItems.isEmpty()) {
            for (Prepared p : changedItems) {
                p.topics = topicsOf(p, batch, classifier);
            }
            updated = updateEntries(conn, batch, changedItems, now);
            insertTopics(conn, changedItems, touchedTopics);
            try (PreparedStatement st = conn.prepareStatement("""
                    update source_item si set content_hash = x.h from unnest(?::text[], ?::text[]) as x(g, h)
                    where si.source_id = ? and si.guid_hash = x.g""")) {
                st.setArray(1, texts(conn, changedItems.stream().map(p -> p.guidHash).toList()));
                st.setArray(2, texts(conn, changedItems.stream().map(p -> p.contentHash).toList()));
                st.setLong(3, sourceId);
                st.executeUpdate();
            }
        }

        // 7. Retention, with tombstones.
        int removed = applyRetention(conn, batch, now, touchedTopics);

        if (created > 0 || updated > 0 || removed > 0) {
            FeedVersionBump.bump(conn, touchedTopics, now);
            changed.fire(new EntriesChanged(Set.copyOf(touchedTopics)));
            Log.infof("Source %d: %d new, %d updated, %d unchanged, %d removed by retention", sourceId, created, updated,
                    unchanged, removed);
        }
        return new UpstreamResult(created, updated, unchanged, removed);
    }

    private static Set<Long> topicsOf(Prepared p, UpstreamBatch batch, TopicClassifier classifier) {
        Set<Long> topics = new LinkedHashSet<>(batch.topicIds());
        topics.addAll(classifier.classify(p.title, p.draft.summary(), p.draft.categories()));
        return topics;
    }

    /** id and whether it is a stub (1) or not (0), by canonical address. */
    private static Map<String, long[]> entriesByUrl(Connection conn, List<Prepared> items) throws SQLException {
        List<String> urls = items.stream().map(p -> p.url).filter(u -> u != null).distinct().toList();
        Map<String, long[]> result = new HashMap<>();
        if (urls.isEmpty()) {
            return result;
        }
        try (PreparedStatement st = conn.prepareStatement("select id, url, kind from entry where url = any(?)")) {
            st.setArray(1, texts(conn, urls));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(2), new long[] { rs.getLong(1), "stub".equals(rs.getString(3)) ? 1 : 0 });
                }
            }
        }
        return result;
    }

    private static List<Long> reserveIds(Connection conn, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement st = conn.prepareStatement("select nextval('entry_id_seq') from generate_series(1, ?)")) {
            st.setInt(1, (count + ID_BLOCK - 1) / ID_BLOCK);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long hi = rs.getLong(1);
                    for (long id = Math.max(1, hi - ID_BLOCK + 1); id <= hi; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        if (ids.size() < count) {
            // Only when the sequence's very first value (1) was ours: take another block.
            ids.addAll(reserveIds(conn, count - ids.size()));
        }
        return ids;
    }

    private static Set<Long> insertEntries(Connection conn, UpstreamBatch batch, List<Prepared> items, Instant now)
            throws SQLException {
        int n = items.size();
        List<Long> ids = new ArrayList<>(n);
        List<String> uids = new ArrayList<>(n), titles = new ArrayList<>(n), keys = new ArrayList<>(n),
                summaries = new ArrayList<>(n), contents = new ArrayList<>(n), authors = new ArrayList<>(n),
                urls = new ArrayList<>(n), published = new ArrayList<>(n), updated = new ArrayList<>(n),
                hashes = new ArrayList<>(n);
        for (Prepared p : items) {
            ids.add(p.entryId);
            uids.add(UUID.randomUUID().toString());
            titles.add(p.title);
            keys.add(TitleKey.of(p.title));
            summaries.add(p.draft.summary());
            contents.add(HtmlSanitizer.clean(p.draft.contentHtml(), base(p, batch)));
            authors.add(p.draft.author());
            urls.add(p.url);
            published.add(p.draft.publishedAt().toString());
            updated.add(p.draft.updatedAt().toString());
            hashes.add(p.contentHash);
        }
        Set<Long> inserted = new LinkedHashSet<>();
        try (PreparedStatement st = conn.prepareStatement("""
                insert into entry (id, uid, kind, title, title_key, summary, content_html, author, url, published_at,
                                   updated_at, created_at, content_hash, source_id, source_title, source_feed_url, source_site_url)
                select x.id, x.uid::uuid, 'item', x.title, x.key, x.summary, x.content, x.author, x.url, x.published::timestamptz,
                       x.updated::timestamptz, ?, x.hash, ?, ?, ?, ?
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[])
                     as x(id, uid, title, key, summary, content, author, url, published, updated, hash)
                on conflict do nothing returning id""")) {
            int i = 1;
            st.setTimestamp(i++, Timestamp.from(now));
            st.setLong(i++, batch.sourceId());
            st.setString(i++, batch.sourceTitle());
            st.setString(i++, batch.feedUrl());
            st.setString(i++, batch.siteUrl());
            st.setArray(i++, longs(conn, ids));
            for (List<String> column : List.of(uids, titles, keys, summaries, contents, authors, urls, published, updated, hashes)) {
                st.setArray(i++, texts(conn, column));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getLong(1));
                }
            }
        }
        return inserted;
    }

    /** A related-article stub with the item's address becomes the item: same id, same Atom id. */
    private static void fillStubs(Connection conn, UpstreamBatch batch, List<Prepared> items, Instant now) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("""
                update entry set kind = 'item', title = ?, title_key = ?, summary = ?, content_html = ?, author = ?,
                       published_at = ?, updated_at = greatest(?, updated_at), content_hash = ?, source_id = ?,
                       source_title = ?, source_feed_url = ?, source_site_url = ?
                where id = ? and kind = 'stub'""")) {
            for (Prepared p : items) {
                int i = 1;
                st.setString(i++, p.title);
                st.setString(i++, TitleKey.of(p.title));
                st.setString(i++, p.draft.summary());
                st.setString(i++, HtmlSanitizer.clean(p.draft.contentHtml(), base(p, batch)));
                st.setString(i++, p.draft.author());
                st.setTimestamp(i++, Timestamp.from(p.draft.publishedAt()));
                st.setTimestamp(i++, Timestamp.from(now));
                st.setString(i++, p.contentHash);
                st.setLong(i++, batch.sourceId());
                st.setString(i++, batch.sourceTitle());
                st.setString(i++, batch.feedUrl());
                st.setString(i++, batch.siteUrl());
                st.setLong(i++, p.entryId);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Updates the entries this source owns; an entry another source brought first is that source's to change. */
    private static int updateEntries(Connection conn, UpstreamBatch batch, List<Prepared> items, Instant now) throws SQLException {
        int n = items.size();
        List<Long> ids = new ArrayList<>(n);
        List<String> titles = new ArrayList<>(n), keys = new ArrayList<>(n), summaries = new ArrayList<>(n),
                contents = new ArrayList<>(n), authors = new ArrayList<>(n), updated = new ArrayList<>(n),
                hashes = new ArrayList<>(n);
        for (Prepared p : items) {
            ids.add(p.entryId);
            titles.add(p.title);
            keys.add(TitleKey.of(p.title));
            summaries.add(p.draft.summary());
            contents.add(HtmlSanitizer.clean(p.draft.contentHtml(), base(p, batch)));
            authors.add(p.draft.author());
            // The upstream's own time of change when it states a newer one, else the time Warta saw it.
            updated.add((p.draft.updatedAt().isAfter(p.draft.publishedAt()) ? p.draft.updatedAt() : now).toString());
            hashes.add(p.contentHash);
        }
        int count = 0;
        try (PreparedStatement st = conn.prepareStatement("""
                update entry e set title = x.title, title_key = x.key, summary = x.summary, content_html = x.content,
                       author = x.author, updated_at = greatest(x.updated::timestamptz, e.updated_at), content_hash = x.hash,
                       source_title = ?
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as x(id, title, key, summary, content, author, updated, hash)
                where e.id = x.id and e.kind = 'item' and e.source_id = ? and e.content_hash is distinct from x.hash
                returning e.id""")) {
            int i = 1;
            st.setString(i++, batch.sourceTitle());
            st.setArray(i++, longs(conn, ids));
            for (List<String> column : List.of(titles, keys, summaries, contents, authors, updated, hashes)) {
                st.setArray(i++, texts(conn, column));
            }
            st.setLong(i++, batch.sourceId());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void insertTopics(Connection conn, List<Prepared> items, Set<Long> touched) throws SQLException {
        List<Long> entryIds = new ArrayList<>();
        List<Long> topicIds = new ArrayList<>();
        for (Prepared p : items) {
            for (Long topic : p.topics) {
                entryIds.add(p.entryId);
                topicIds.add(topic);
            }
        }
        if (entryIds.isEmpty()) {
            return;
        }
        try (PreparedStatement st = conn.prepareStatement("""
                insert into entry_topic (entry_id, topic_id) select * from unnest(?::bigint[], ?::bigint[])
                on conflict do nothing""")) {
            st.setArray(1, longs(conn, entryIds));
            st.setArray(2, longs(conn, topicIds));
            st.executeUpdate();
        }
        touched.addAll(topicIds);
    }

    private static int applyRetention(Connection conn, UpstreamBatch batch, Instant now, Set<Long> touched) throws SQLException {
        List<Long> doomed = new ArrayList<>();
        try (PreparedStatement st = conn.prepareStatement("""
                select id from entry where source_id = ? and kind = 'item' and published_at < ?
                union
                select id from (select id from entry where source_id = ? and kind = 'item'
                                order by published_at desc, id desc offset ?) beyond""")) {
            st.setLong(1, batch.sourceId());
            st.setTimestamp(2, Timestamp.from(now.minus(batch.retention().maxAge())));
            st.setLong(3, batch.sourceId());
            st.setInt(4, batch.retention().maxEntries());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    doomed.add(rs.getLong(1));
                }
            }
        }
        // Tombstones outlive the entries long enough for the upstream to stop listing them.
        try (PreparedStatement st = conn.prepareStatement(
                "delete from source_item where source_id = ? and entry_id is null and tombstoned_at < ?")) {
            st.setLong(1, batch.sourceId());
            st.setTimestamp(2, Timestamp.from(now.minus(batch.retention().maxAge()).minus(Duration.ofDays(30))));
            st.executeUpdate();
        }
        if (doomed.isEmpty()) {
            return 0;
        }
        Array ids = longs(conn, doomed);
        try (PreparedStatement st = conn.prepareStatement("select distinct topic_id from entry_topic where entry_id = any(?)")) {
            st.setArray(1, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    touched.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement st = conn.prepareStatement(
                "update source_item set entry_id = null, tombstoned_at = ? where entry_id = any(?)")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, ids);
            st.executeUpdate();
        }
        try (PreparedStatement st = conn.prepareStatement("delete from entry where id = any(?)")) {
            st.setArray(1, ids);
            return st.executeUpdate();
        }
    }

    private static String base(Prepared p, UpstreamBatch batch) {
        return p.draft.link() != null ? p.draft.link() : batch.feedUrl();
    }

    private static String title(ItemDraft item) {
        String title = item.title() == null ? "" : item.title().strip();
        if (title.isEmpty()) {
            title = item.link() != null ? item.link() : "(tanpa judul)";
        }
        return title.length() > 1000 ? title.substring(0, 999) + "…" : title;
    }

    /** Everything an upstream edit can change; dates are left out (an undated item is dated at each fetch). */
    private static String contentHash(ItemDraft item, String title) {
        StringBuilder s = new StringBuilder();
        for (String field : new String[] { title, item.link(), item.summary(), item.contentHtml(), item.author() }) {
            s.append(field == null ? "" : field).append('\u001f');
        }
        item.categories().forEach(c -> s.append(c).append('\u001e'));
        return sha256(s.toString());
    }

    static String sha256(String s) {
        return dev.warta.Digests.sha256Hex(s);
    }

    private static Array texts(Connection conn, List<String> values) throws SQLException {
        return conn.createArrayOf("text", values.toArray(String[]::new));
    }

    private static Array longs(Connection conn, List<Long> values) throws SQLException {
        return conn.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
