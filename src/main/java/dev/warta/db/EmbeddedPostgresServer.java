package dev.warta.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.quarkus.logging.Log;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM and data directory. It outlives Quarkus restarts (dev-mode reloads, test
 * profiles), which load this class again in a fresh class loader: so its URL is also registered in a
 * system property, the one place every class loader of the JVM sees, and a restart reuses the running
 * server. zonky's JVM shutdown hook stops it when the JVM exits; {@link #stop()} stops it when the jar
 * shuts down.
 */
public final class EmbeddedPostgresServer {

    static final String DATABASE = "warta";
    static final String USER = "postgres";
    // Not under "warta.": that prefix belongs to the WartaConfig mapping, which rejects unknown keys.
    private static final String REGISTRY = "dev.warta.db.embedded-url:";

    private static EmbeddedPostgres postgres;
    private static EmbeddedPostgresSettings startedWith;
    private static String jdbcUrl;
    private static String registryKey;
    private static boolean startingInBackground;

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts the server on a thread of its own and returns at once; {@link #start} then waits for it (it takes
     * this class's lock while it starts). A failure is left for {@link #start} to meet again and report.
     */
    public static synchronized void startInBackground(EmbeddedPostgresSettings settings) {
        if (postgres != null || startingInBackground) {
            return;
        }
        startingInBackground = true;
        Thread starter = new Thread(() -> startUnlessStarted(settings), "warta-embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * The background start: nothing when runtime init got here first (its settings win), and a failure is left for
     * runtime init's own {@link #start} to meet again and report.
     */
    private static synchronized void startUnlessStarted(EmbeddedPostgresSettings settings) {
        if (!startingInBackground) {
            return;
        }
        try {
            start(settings);
        } catch (RuntimeException e) {
            Log.debugf(e, "Starting the embedded PostgreSQL in the background failed; runtime init tries again");
        }
    }

    /** Starts the server on first call and returns its JDBC URL; later calls with the same settings return the same URL. */
    public static synchronized String start(EmbeddedPostgresSettings settings) {
        startingInBackground = false;
        if (postgres != null && settings.equals(startedWith)) {
            return jdbcUrl;
        }
        if (postgres != null) {
            Log.infof("The embedded PostgreSQL's settings changed since it was started (%s, now %s): starting it again",
                    startedWith, settings);
            stop();
        }
        String key = REGISTRY + (settings.ephemeral() ? "ephemeral" : settings.dataDir());
        String running = System.getProperty(key);
        if (running != null && reachable(running)) {
            Log.debugf("Reusing the embedded PostgreSQL at %s", running);
            return running;
        }
        try {
            Path dataDir = settings.ephemeral()
                    ? Files.createTempDirectory("warta-pg-")
                    : Files.createDirectories(settings.dataDir());
            Log.infof("Starting embedded PostgreSQL (%s data directory %s)",
                    settings.ephemeral() ? "throwaway" : "persistent", dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1");
            settings.serverConfig().forEach(builder::setServerConfig);
            if (!settings.ephemeral()) {
                // zonky turns durability off for throwaway test databases; this one keeps real data.
                builder.setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres started = builder.start();
            try {
                createDatabaseIfMissing(started);
            } catch (IOException e) {
                started.close();
                throw e;
            }
            postgres = started;
            startedWith = settings;
            jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
            System.setProperty(key, jdbcUrl);
            registryKey = key;
            Log.infof("Embedded PostgreSQL is up at %s", jdbcUrl);
            return jdbcUrl;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + settings.dataDir()
                    + " (set quarkus.datasource.jdbc.url to use another database)", e);
        }
    }

    public static synchronized boolean running() {
        return postgres != null;
    }

    public static synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            Log.info("Stopping embedded PostgreSQL");
            postgres.close();
        } catch (IOException e) {
            Log.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            System.clearProperty(registryKey);
            postgres = null;
            startedWith = null;
            jdbcUrl = null;
            registryKey = null;
        }
    }

    private static boolean reachable(String url) {
        try (Connection c = java.sql.DriverManager.getConnection(url + "?connectTimeout=2", USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create database " + DATABASE, e);
        }
    }
}
