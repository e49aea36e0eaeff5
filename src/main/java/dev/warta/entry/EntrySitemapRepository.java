package dev.warta.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sitemaps' reads of {@code entry}: the desk's articles only (kind {@code article}; no upstream item, no stub),
 * each statement answered by a partial index of the articles (V83 by publication time, V84 by id with
 * {@code updated_at}), so neither the archive's items nor its size make a sitemap read more than it lists.
 * Statements take the caller's connection.
 */
@ApplicationScoped
public class EntrySitemapRepository {

    /** An article as the news sitemap names it. */
    public record NewsArticle(long id, String title, Instant publishedAt) {
    }

    /** An article page as sitemap.xml lists it. */
    public record ArticlePage(long id, Instant updatedAt) {
    }

    /** The articles published after {@code since}, newest first, at most {@code limit}. */
    public List<NewsArticle> findPublishedAfter(Connection c, Instant since, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select id, title, published_at from entry
                where kind = 'article' and published_at > ?
                order by published_at desc, id desc limit ?""")) {
            st.setTimestamp(1, Timestamp.from(since));
            st.setInt(2, limit);
            List<NewsArticle> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new NewsArticle(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, "published_at")));
                }
            }
            return found;
        }
    }

    public long countArticles(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from entry where kind = 'article'");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The id of the article at each of these positions (0-based, in id order), in one walk of the articles' id index:
     * where each page of sitemap.xml starts, so that a page is then read by keyset ({@link #findFrom}), never by offset.
     */
    public Map<Long, Long> findIdsAt(Connection c, List<Long> positions) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select n, id from (select id, row_number() over (order by id) - 1 as n from entry where kind = 'article') a
                where n = any (?)""")) {
            st.setArray(1, c.createArrayOf("bigint", positions.toArray(Long[]::new)));
            Map<Long, Long> found = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return found;
        }
    }

    /** Up to {@code limit} article pages from id {@code fromId} on, in id order. */
    public List<ArticlePage> findFrom(Connection c, long fromId, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select id, updated_at from entry where kind = 'article' and id >= ? order by id limit ?""")) {
            st.setLong(1, fromId);
            st.setInt(2, limit);
            List<ArticlePage> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new ArticlePage(rs.getLong(1), Jdbc.instant(rs, "updated_at")));
                }
            }
            return found;
        }
    }
}
