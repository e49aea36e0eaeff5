package dev.warta.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The embedded server Warta starts runs with the small-server settings, not PostgreSQL's defaults. */
@QuarkusTest
class EmbeddedPostgresSizingTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void theRunningServerHasTheSmallServerSettings() throws SQLException {
        assertThat(show("shared_buffers")).isEqualTo("32MB");
        assertThat(show("work_mem")).isEqualTo("4MB");
        // Room for this pool and that of a second process of a cluster, and a few spare.
        assertThat(show("max_connections")).isEqualTo(String.valueOf(2 * poolSize + 8));
        assertThat(show("max_parallel_workers")).isEqualTo("2");
    }

    private String show(String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
