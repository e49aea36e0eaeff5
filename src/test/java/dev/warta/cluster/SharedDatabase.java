package dev.warta.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL that process A hosts for the cluster: a data directory under {@code target} (made
 * fresh for each run), a pinned port so the other process and the test know its JDBC URL, and a way to make
 * sure no postgres of it outlives the test.
 */
record SharedDatabase(Path dataDir, int port) {

    /** As {@code dev.warta.db.EmbeddedPostgresServer} creates it. */
    static final String DATABASE = "warta";
    static final String USER = "postgres";

    /** An empty data directory and a free port. */
    static SharedDatabase fresh(Path dataDir) {
        deleteRecursively(dataDir);
        return new SharedDatabase(dataDir, WartaProcess.freePort());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Entries stored from these sources, counted in the database itself. */
    long entriesOfSources(List<Long> sourceIds) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, "");
                PreparedStatement st = c.prepareStatement("select count(*) from entry where source_id = any(?)")) {
            st.setArray(1, c.createArrayOf("bigint", sourceIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count entries in " + jdbcUrl(), e);
        }
    }

    /** The postmaster of this data directory, when one runs (its command line names the directory). */
    List<ProcessHandle> postmasters() {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .toList();
    }

    /** Stops a postmaster that A did not stop (A crashed or was killed): SIGTERM, then SIGKILL. */
    void stopLeftovers() {
        for (ProcessHandle postmaster : postmasters()) {
            postmaster.destroy();
            try {
                postmaster.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
