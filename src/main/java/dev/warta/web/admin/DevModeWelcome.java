package dev.warta.web.admin;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.warta.WartaConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * In dev mode, once Warta has started (after the sample import, hence the late priority), says where the editor
 * page is and which token signs in, so that a newcomer need not look either up.
 */
@ApplicationScoped
class DevModeWelcome {

    void onStart(@Observes @Priority(5000) StartupEvent event, WartaConfig config) {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        message(LaunchMode.current(), port, config.admin().tokens()).ifPresent(Log::info);
    }

    /** The welcome, only in dev mode. */
    static Optional<String> message(LaunchMode mode, int port, Optional<List<String>> tokens) {
        if (mode != LaunchMode.DEVELOPMENT) {
            return Optional.empty();
        }
        String base = "http://localhost:" + port;
        String token = tokens.flatMap(t -> t.stream().filter(s -> !s.isBlank()).findFirst())
                .map(t -> "sign in with the dev token " + t)
                .orElse("no admin token is set (warta.admin.tokens), so no one can sign in");
        return Optional.of("Warta is ready. Editor page: " + base + "/admin (" + token + "); feed: " + base
                + "/feeds/all.atom; API: " + base + "/api (Authorization: Bearer <token>); also " + base + "/q/dev-ui and "
                + base + "/q/swagger-ui");
    }
}
