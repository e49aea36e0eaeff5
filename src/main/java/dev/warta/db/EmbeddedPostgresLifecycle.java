package dev.warta.db;

import jakarta.annotation.Priority;
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

    // After every other observer of the event (default priority 2500): the version listener, the poller and the
    // WebSub workers stop using the database first, instead of meeting a server that went away.
    void onStop(@Observes @Priority(10_000) ShutdownEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            EmbeddedPostgresServer.stop();
        }
    }
}
