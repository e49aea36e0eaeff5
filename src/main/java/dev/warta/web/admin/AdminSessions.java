package dev.warta.web.admin;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.WartaConfig;
import dev.warta.web.AdminTokens;
import io.quarkus.logging.Log;

/**
 * Server-side sessions of the editor page, in PostgreSQL so that every Warta process knows them. The
 * browser holds a random 256-bit id in an HttpOnly, SameSite=Strict cookie; the database holds its SHA-256.
 * Signing in (the token checked by {@link dev.warta.web.SignInGuard}) opens one.
 * A session ends after {@code warta.admin.session-idle-timeout} without use, after
 * {@code warta.admin.session-max-age} in any case, and on sign-out.
 */
@ApplicationScoped
public class AdminSessions {

    /** Writing {@code last_seen_at} on every page view is not needed to honour an idle timeout of hours. */
    private static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final AdminSessionRepository sessions;
    private final Duration idleTimeout;
    private final Duration maxAge;

    AdminSessions(AdminSessionRepository sessions, WartaConfig config) {
        this.sessions = sessions;
        this.idleTimeout = config.admin().sessionIdleTimeout();
        this.maxAge = config.admin().sessionMaxAge();
    }

    /** A live session: its CSRF token, and the flash message it held (now cleared). */
    public record Session(String cookieValue, String csrfToken, String flash) {
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** A new session for an editor whose token {@link dev.warta.web.SignInGuard} accepted. */
    @Transactional
    public Session open() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long stale = sessions.deleteStale(now, now.minus(idleTimeout));
        if (stale > 0) {
            Log.debugf("Removed %d ended editor sessions", stale);
        }
        String id = randomToken();
        AdminSession session = new AdminSession();
        session.idHash = hash(id);
        session.csrfToken = randomToken();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(maxAge);
        sessions.persist(session);
        Log.info("An editor signed in on /admin");
        return new Session(id, session.csrfToken, null);
    }

    /** The live session the cookie names, or empty; reading it takes its flash message. */
    @Transactional
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        Optional<AdminSession> found = sessions.findByIdOptional(hash(cookieValue));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AdminSession session = found.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!now.isBefore(session.expiresAt) || session.lastSeenAt.plus(idleTimeout).isBefore(now)) {
            sessions.delete(session);
            return Optional.empty();
        }
        if (session.lastSeenAt.plus(TOUCH_AFTER).isBefore(now)) {
            session.lastSeenAt = now;
        }
        String flash = session.flash;
        session.flash = null;
        return Optional.of(new Session(cookieValue, session.csrfToken, flash));
    }

    /** Whether the form's token is this session's (constant time). */
    public static boolean csrfMatches(Session session, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(AdminTokens.digest(session.csrfToken()), AdminTokens.digest(presented));
    }

    @Transactional
    public void flash(Session session, String message) {
        sessions.findByIdOptional(hash(session.cookieValue())).ifPresent(s -> s.flash = message);
    }

    @Transactional
    public void signOut(Session session) {
        sessions.deleteById(hash(session.cookieValue()));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        return dev.warta.Digests.sha256Hex(value);
    }
}
