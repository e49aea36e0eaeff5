package dev.warta.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Stops the embedded PostgreSQL when the application shuts down. In dev and test mode the JVM lives on
 * across restarts, so the server stays up and the JVM shutdown hook stops it.
 */
@ApplicationScoped
class EmbeddedPostgresLifecycle {

    void onStop(@Observes ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            EmbeddedPostgresServer.stop();
        }
    }
}
