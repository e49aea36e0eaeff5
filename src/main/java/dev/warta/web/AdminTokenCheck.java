package dev.warta.web;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.WartaConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Outside dev and test mode Warta does not start with an unprotected admin API. */
@ApplicationScoped
class AdminTokenCheck {

    void onStart(@Observes StartupEvent event, WartaConfig config) {
        check(LaunchMode.current(), config.admin().tokens());
    }

    static void check(LaunchMode mode, Optional<List<String>> tokens) {
        boolean none = tokens.map(t -> t.stream().allMatch(String::isBlank)).orElse(true);
        if (!none) {
            return;
        }
        if (mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("No admin token configured: set WARTA_ADMIN_TOKENS (warta.admin.tokens) "
                    + "to one or more comma-separated secrets before starting Warta");
        }
        Log.warn("No admin token configured: every /api request will be refused");
    }
}
