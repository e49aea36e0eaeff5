package dev.warta.db;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code warta.db.*} settings as the config source factory reads them. They are read before the
 * {@link dev.warta.WartaConfig} mapping exists (the datasource URL must be known before Agroal starts),
 * so the defaults are spelled here once and referenced from the mapping.
 *
 * <p>The server's memory settings are sized for a small server (Warta and its database together near
 * 256 MiB): PostgreSQL's own defaults (128MB of shared buffers, 100 connections) assume a machine given to
 * the database.
 */
public record EmbeddedPostgresSettings(Path dataDir, boolean ephemeral, int port, String sharedBuffers, String workMem,
        int maxConnections) {

    /** Persistent data directory used by the jar when nothing else is configured. */
    public static final String DEFAULT_DATA_DIR = "${user.home}/.warta/pgdata";
    public static final String DEFAULT_SHARED_BUFFERS = "32MB";
    public static final String DEFAULT_WORK_MEM = "4MB";
    /** 0: twice the pool's {@code quarkus.datasource.jdbc.max-size} plus {@value #SPARE_CONNECTIONS}. */
    public static final String DEFAULT_MAX_CONNECTIONS = "0";
    /** Quarkus's default pool size, when {@code quarkus.datasource.jdbc.max-size} is not set (the jar sets 20). */
    static final int DEFAULT_POOL_SIZE = 50;
    /** Room for psql, Flyway's own connection and the superuser's reserved slots. */
    static final int SPARE_CONNECTIONS = 8;

    static EmbeddedPostgresSettings read(Function<String, Optional<String>> lookup) {
        String dir = lookup.apply("warta.db.data-dir").filter(s -> !s.isBlank()).orElse(DEFAULT_DATA_DIR);
        dir = dir.replace("${user.home}", System.getProperty("user.home"));
        boolean ephemeral = lookup.apply("warta.db.ephemeral").map(Boolean::parseBoolean).orElse(false);
        int port = lookup.apply("warta.db.port").map(String::trim).map(Integer::parseInt).orElse(0);
        String sharedBuffers = lookup.apply("warta.db.shared-buffers").map(String::trim).orElse(DEFAULT_SHARED_BUFFERS);
        String workMem = lookup.apply("warta.db.work-mem").map(String::trim).orElse(DEFAULT_WORK_MEM);
        int maxConnections = lookup.apply("warta.db.max-connections").map(String::trim).map(Integer::parseInt).orElse(0);
        if (maxConnections <= 0) {
            // A second process of a cluster may use this database with a pool of its own (see README).
            int pool = lookup.apply("quarkus.datasource.jdbc.max-size").map(String::trim).map(Integer::parseInt)
                    .orElse(DEFAULT_POOL_SIZE);
            maxConnections = 2 * pool + SPARE_CONNECTIONS;
        }
        return new EmbeddedPostgresSettings(Path.of(dir).toAbsolutePath().normalize(), ephemeral, port, sharedBuffers,
                workMem, maxConnections);
    }

    /** The server settings these imply, as {@code postgres -c name=value} takes them. */
    Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("shared_buffers", sharedBuffers);
        config.put("work_mem", workMem);
        config.put("max_connections", String.valueOf(maxConnections));
        // Index builds and vacuum: a quarter of PostgreSQL's default is plenty for Warta's tables.
        config.put("maintenance_work_mem", "16MB");
        config.put("autovacuum_max_workers", "2");
        // Each parallel worker is a process of its own; on a small server they cost memory more than they save time.
        config.put("max_worker_processes", "4");
        config.put("max_parallel_workers", "2");
        // A planner hint, not an allocation: the operating system's cache a small server has for the database.
        config.put("effective_cache_size", "256MB");
        return config;
    }
}
