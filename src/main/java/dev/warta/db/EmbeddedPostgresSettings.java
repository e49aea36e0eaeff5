package dev.warta.db;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code warta.db.*} settings as the config source factory reads them. They are read before the
 * {@link dev.warta.WartaConfig} mapping exists (the datasource URL must be known before Agroal starts),
 * so the defaults are spelled here once and referenced from the mapping.
 */
public record EmbeddedPostgresSettings(Path dataDir, boolean ephemeral, int port) {

    /** Persistent data directory used by the jar when nothing else is configured. */
    public static final String DEFAULT_DATA_DIR = "${user.home}/.warta/pgdata";

    static EmbeddedPostgresSettings read(Function<String, Optional<String>> lookup) {
        String dir = lookup.apply("warta.db.data-dir").filter(s -> !s.isBlank()).orElse(DEFAULT_DATA_DIR);
        dir = dir.replace("${user.home}", System.getProperty("user.home"));
        boolean ephemeral = lookup.apply("warta.db.ephemeral").map(Boolean::parseBoolean).orElse(false);
        int port = lookup.apply("warta.db.port").map(String::trim).map(Integer::parseInt).orElse(0);
        return new EmbeddedPostgresSettings(Path.of(dir).toAbsolutePath().normalize(), ephemeral, port);
    }
}
