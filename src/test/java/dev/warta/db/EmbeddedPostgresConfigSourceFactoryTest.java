package dev.warta.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

class EmbeddedPostgresConfigSourceFactoryTest {

    private final EmbeddedPostgresConfigSourceFactory factory = new EmbeddedPostgresConfigSourceFactory();

    @Test
    void startsNothingWhenADatasourceUrlIsConfigured() {
        var context = context(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/warta"));
        assertThat(factory.sources(context, ExecutionMode.RUNTIME_INIT, LaunchMode.NORMAL)).isEmpty();
        assertThat(EmbeddedPostgresServer.running()).isFalse();
    }

    @Test
    void startsNothingWhenAProfileSetsTheUrl() {
        var context = context(Map.of("%prod.quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/warta"),
                List.of("prod"));
        assertThat(factory.sources(context, ExecutionMode.RUNTIME_INIT, LaunchMode.NORMAL)).isEmpty();
        assertThat(EmbeddedPostgresServer.running()).isFalse();
    }

    @Test
    void startsNothingDuringTheBuildNorAtTheStaticInitOfDevModeAndTests() {
        var context = context(Map.of());
        assertThat(factory.sources(context, ExecutionMode.UNSET, LaunchMode.NORMAL)).isEmpty();
        assertThat(factory.sources(context, ExecutionMode.STATIC_INIT, LaunchMode.TEST)).isEmpty();
        assertThat(factory.sources(context, ExecutionMode.STATIC_INIT, LaunchMode.DEVELOPMENT)).isEmpty();
        var configured = context(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/warta"));
        assertThat(factory.sources(configured, ExecutionMode.STATIC_INIT, LaunchMode.NORMAL)).isEmpty();
        assertThat(EmbeddedPostgresServer.running()).isFalse();
    }

    @Test
    void thePackagedJarStartsTheServerAtStaticInitAndRuntimeInitGetsItsUrl(@TempDir Path dir) throws Exception {
        var context = context(Map.of("warta.db.data-dir", dir.resolve("pgdata").toString()));
        try {
            assertThat(factory.sources(context, ExecutionMode.STATIC_INIT, LaunchMode.NORMAL)).isEmpty();
            // Up without runtime init asking: the static-init call started it on its own thread.
            await().atMost(Duration.ofMinutes(1)).until(EmbeddedPostgresServer::running);
            Iterable<ConfigSource> sources = factory.sources(context, ExecutionMode.RUNTIME_INIT, LaunchMode.NORMAL);
            assertThat(EmbeddedPostgresServer.running()).isTrue();
            String url = sources.iterator().next().getValue("quarkus.datasource.jdbc.url");
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    var rs = c.createStatement().executeQuery("select current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("warta");
            }
            // A second runtime init with the same settings (a restart in one JVM) gets the same server.
            assertThat(factory.sources(context, ExecutionMode.RUNTIME_INIT, LaunchMode.NORMAL).iterator().next()
                    .getValue("quarkus.datasource.jdbc.url")).isEqualTo(url);
        } finally {
            EmbeddedPostgresServer.stop();
        }
        assertThat(EmbeddedPostgresServer.running()).isFalse();
    }

    @Test
    void defaultsToAPersistentDirectoryUnderTheHome() {
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.read(key -> Optional.empty());
        assertThat(settings.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".warta", "pgdata"));
        assertThat(settings.ephemeral()).isFalse();
        assertThat(settings.port()).isZero();
    }

    @Test
    void readsTheConfiguredDirectoryPortAndEphemeralFlag() {
        Map<String, String> values = Map.of("warta.db.data-dir", "/srv/warta/pg", "warta.db.port", "15432",
                "warta.db.ephemeral", "true");
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.read(key -> Optional.ofNullable(values.get(key)));
        assertThat(settings).isEqualTo(new EmbeddedPostgresSettings(Path.of("/srv/warta/pg"), true, 15432, "32MB", "4MB", 108));
    }

    @Test
    void sizesTheServerForASmallMachineWithConnectionsMatchingThePool() {
        Map<String, String> config = EmbeddedPostgresSettings.read(key -> Optional.empty()).serverConfig();
        assertThat(config).containsEntry("shared_buffers", "32MB").containsEntry("work_mem", "4MB")
                // Quarkus's default pool of 50, twice (a second process of a cluster), and 8 spare.
                .containsEntry("max_connections", "108");

        Map<String, String> values = Map.of("quarkus.datasource.jdbc.max-size", "10", "warta.db.shared-buffers", "64MB",
                "warta.db.work-mem", "8MB");
        config = EmbeddedPostgresSettings.read(key -> Optional.ofNullable(values.get(key))).serverConfig();
        assertThat(config).containsEntry("shared_buffers", "64MB").containsEntry("work_mem", "8MB")
                .containsEntry("max_connections", "28");
        assertThat(EmbeddedPostgresSettings.read(key -> Optional.ofNullable(Map.of("warta.db.max-connections", "30").get(key)))
                .serverConfig()).containsEntry("max_connections", "30");
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return context(values, List.of());
    }

    private static ConfigSourceContext context(Map<String, String> values, List<String> profiles) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
