package dev.warta.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code entry_version} table: a counter per entry page that triggers move whenever what the page shows moves
 * (V56, V57). Read on the caller's connection; nothing in Java writes it.
 */
@ApplicationScoped
public class EntryVersionRepository {

    /** An entry page's version and when it last moved; an entry without a row is at version 0. */
    public record Row(long version, Instant changedAt) {
    }

    public Optional<Row> find(Connection c, long entryId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select version, changed_at from entry_version where entry_id = ?")) {
            st.setLong(1, entryId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        }
    }
}
