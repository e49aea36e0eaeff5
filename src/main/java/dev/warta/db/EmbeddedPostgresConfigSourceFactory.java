package dev.warta.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the datasource URL of the embedded PostgreSQL when none is configured.
 *
 * <p>A config source (rather than a CDI bean) because Agroal, Flyway and Hibernate read the URL while
 * Quarkus starts, before any bean runs. It supplies the URL at runtime init; the packaged jar already starts
 * the server in the background at static init, so that its start overlaps Quarkus's. Never during the
 * build, and never when {@code quarkus.datasource.jdbc.url} is set (by file, system property or
 * {@code QUARKUS_DATASOURCE_JDBC_URL}).
 */
@StaticInitSafe
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return sources(context, ExecutionMode.current(), LaunchMode.current());
    }

    Iterable<ConfigSource> sources(ConfigSourceContext context, ExecutionMode mode, LaunchMode launch) {
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.STATIC_INIT) {
            return List.of();
        }
        if (lookup(context, URL_KEY).isPresent()) {
            return List.of();
        }
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.read(key -> lookup(context, key));
        if (mode == ExecutionMode.STATIC_INIT) {
            // The packaged jar: the server starts while Quarkus initialises (about 0.2 s of a 2 s start); the
            // runtime-init call below waits for it. Dev mode and tests keep to one start at runtime init.
            if (launch == LaunchMode.NORMAL) {
                EmbeddedPostgresServer.startInBackground(settings);
            }
            return List.of();
        }
        String url = EmbeddedPostgresServer.start(settings);
        return List.of(new PropertiesConfigSource(Map.of(
                URL_KEY, url,
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", ""),
                "warta-embedded-postgres", 275));
    }

    private static Optional<String> lookup(ConfigSourceContext context, String key) {
        for (String profile : context.getProfiles()) {
            Optional<String> value = valueOf(context.getValue("%" + profile + "." + key));
            if (value.isPresent()) {
                return value;
            }
        }
        return valueOf(context.getValue(key));
    }

    private static Optional<String> valueOf(ConfigValue value) {
        return Optional.ofNullable(value).map(ConfigValue::getValue).filter(v -> !v.isBlank());
    }
}
