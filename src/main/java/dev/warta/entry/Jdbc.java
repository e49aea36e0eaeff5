package dev.warta.entry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Statements JPQL cannot express (arrays in, {@code unnest}, {@code on conflict}, {@code returning}) run on the
 * transaction's own connection, so they see and are seen by everything else the transaction does. Arrays are
 * how a batch of any size stays one statement.
 */
public final class Jdbc {

    private Jdbc() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    public static <T> T call(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::on);
    }

    public static <R> Array texts(Connection c, Collection<R> rows, Function<R, String> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
    }

    public static <R> Array longs(Connection c, Collection<R> rows, Function<R, Long> column) throws SQLException {
        return c.createArrayOf("bigint", rows.stream().map(column).toArray(Long[]::new));
    }

    public static <R> Array booleans(Connection c, Collection<R> rows, Function<R, Boolean> column) throws SQLException {
        return c.createArrayOf("boolean", rows.stream().map(column).toArray(Boolean[]::new));
    }

    /** Instants as ISO-8601 text, which the statement casts ({@code ?::timestamptz[]}): no time zone can shift them. */
    public static <R> Array instants(Connection c, Collection<R> rows, Function<R, Instant> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).map(i -> i == null ? null : i.toString()).toArray(String[]::new));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Runs a query of (publication time, id) rows: positions in feed order. */
    static List<Cursor> positions(PreparedStatement st) throws SQLException {
        List<Cursor> positions = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                positions.add(new Cursor(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)));
            }
        }
        return positions;
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
