package dev.warta.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.WartaConfig;
import io.quarkus.logging.Log;

/**
 * Every presented admin token, on {@code /admin/login} and as a bearer token on {@code /api/**}, is checked here:
 * failures are counted per client address and overall within {@code warta.admin.sign-in.window}, in the database so
 * that all processes share the count. Past a bound every try from that client (or from anyone, past the overall one)
 * is throttled, a right token too, so that guessing cannot go on; a client's tries are taken one at a time (a
 * database lock), so parallel guesses do not slip past its bound. Signing in forgets the client's failures.
 */
@ApplicationScoped
public class SignInGuard {

    /** What presenting a token came to. */
    public sealed interface Attempt permits Accepted, Refused, Throttled {
    }

    /** The token is an admin token. */
    public record Accepted() implements Attempt {
    }

    /** A wrong token; it was counted. */
    public record Refused() implements Attempt {
    }

    /**
     * Not checked: too many failures within the window, from this client or ({@code overall}) from all; try again
     * after {@code retryAfter}.
     */
    public record Throttled(Duration retryAfter, boolean overall) implements Attempt {
    }

    private final AdminTokens tokens;
    private final SignInFailureRepository failures;
    private final WartaConfig.SignIn limits;

    SignInGuard(AdminTokens tokens, SignInFailureRepository failures, WartaConfig config) {
        this.tokens = tokens;
        this.failures = failures;
        this.limits = config.admin().signIn();
    }

    /** Checks the token {@code client} presented at {@code where} ("/admin/login", "/api/…"), unless it is throttled. */
    @Transactional
    public Attempt attempt(String client, String token, String where) {
        failures.lock(client);
        SignInFailureRepository.Counts counts = failures.count(client, limits.window());
        if (counts.client() >= limits.maxFailures() || counts.overall() >= limits.maxFailuresOverall()) {
            boolean overall = counts.client() < limits.maxFailures();
            Duration retry = atLeastASecond(overall ? counts.overallRetry() : counts.clientRetry());
            Log.warnf("Refused a sign-in at %s from %s: %d failed sign-ins from it and %d from all within %s "
                    + "(bounds %d and %d); retry after %d s", where, client, counts.client(), counts.overall(), limits.window(),
                    limits.maxFailures(), limits.maxFailuresOverall(), retry.toSeconds());
            return new Throttled(retry, overall);
        }
        if (tokens.accepted(token)) {
            if (counts.client() > 0) {
                failures.deleteOf(client);
            }
            return new Accepted();
        }
        failures.insert(client);
        failures.deleteOlderThan(limits.window());
        if (counts.client() + 1 == limits.maxFailures()) {
            Log.warnf("%d failed sign-ins from %s within %s: its further tries are refused for a while", limits.maxFailures(),
                    client, limits.window());
        }
        return new Refused();
    }

    private static Duration atLeastASecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }
}
