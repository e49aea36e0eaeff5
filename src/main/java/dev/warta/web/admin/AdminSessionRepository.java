package dev.warta.web.admin;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AdminSessionRepository implements PanacheRepositoryBase<AdminSession, String> {

    /** Sessions past their end, or idle since before {@code idleSince}. */
    public long deleteStale(Instant now, Instant idleSince) {
        return delete("expiresAt <= ?1 or lastSeenAt < ?2", now, idleSince);
    }
}
