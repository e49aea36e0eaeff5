package dev.warta.ingest;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.warta.entry.Jdbc;

/**
 * The {@code full_text_page} table: the page each item of a full-text source wants read, claimed by the full-text
 * worker of any process ({@code for update skip locked}, a lease) and finished as fetched or failed. A page is
 * requested at most once per item and address: a claim counts the attempt before the fetch starts.
 */
@ApplicationScoped
class FullTextPageRepository {

    /** What an item's page is: its address and whether it was read ({@code fetched}), failed or is still to read. */
    record Wanted(String pageUrl, String state) {
        boolean fetched() {
            return "fetched".equals(state);
        }
    }

    /** An item's page to read: its key in {@code source_item} and its address. */
    record Page(String guidHash, String url) {
        String host() {
            try {
                String host = URI.create(url).getHost();
                return host == null ? url : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }

    private final EntityManager em;

    FullTextPageRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Pages for these items when their source is set to full text and the item's entry is the source's own item (an
     * entry another source or the desk owns is theirs). Returns how many rows were written.
     */
    int insertWanted(long sourceId, List<Page> pages, Instant now) {
        if (pages.isEmpty()) {
            return 0;
        }
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into full_text_page (source_id, guid_hash, entry_id, page_url, host, created_at)
                    select si.source_id, si.guid_hash, si.entry_id, x.u, x.h, ?
                    from unnest(?::text[], ?::text[], ?::text[]) as x(g, u, h)
                    join source s on s.id = ? and s.full_text
                    join source_item si on si.source_id = s.id and si.guid_hash = x.g
                    join entry e on e.id = si.entry_id and e.kind = 'item' and e.source_id = s.id
                    on conflict do nothing""")) {
                st.setObject(1, now.atOffset(ZoneOffset.UTC));
                st.setArray(2, Jdbc.texts(c, pages, Page::guidHash));
                st.setArray(3, Jdbc.texts(c, pages, Page::url));
                st.setArray(4, Jdbc.texts(c, pages, Page::host));
                st.setLong(5, sourceId);
                return st.executeUpdate();
            }
        });
    }

    /** The pages of these items of the source that have a row, by item key. */
    Map<String, Wanted> findWanted(long sourceId, Collection<String> guidHashes) {
        Map<String, Wanted> wanted = new HashMap<>();
        if (guidHashes.isEmpty()) {
            return wanted;
        }
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select guid_hash, page_url, state from full_text_page where source_id = ? and guid_hash = any(?)")) {
                st.setLong(1, sourceId);
                st.setArray(2, Jdbc.texts(c, guidHashes, g -> g));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        wanted.put(rs.getString(1), new Wanted(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return wanted;
        });
    }

    /** The items' links changed upstream: their pages are to be read anew, at the new address (a claim held ends). */
    int relink(long sourceId, List<Page> pages) {
        if (pages.isEmpty()) {
            return 0;
        }
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    update full_text_page f set page_url = x.u, host = x.h, state = 'pending', attempts = 0,
                           lease_owner = null, lease_until = null, last_error = null, finished_at = null
                    from unnest(?::text[], ?::text[], ?::text[]) as x(g, u, h)
                    where f.source_id = ? and f.guid_hash = x.g""")) {
                st.setArray(1, Jdbc.texts(c, pages, Page::guidHash));
                st.setArray(2, Jdbc.texts(c, pages, Page::url));
                st.setArray(3, Jdbc.texts(c, pages, Page::host));
                st.setLong(4, sourceId);
                return st.executeUpdate();
            }
        });
    }

    /**
     * Leases up to {@code limit} pages never requested, oldest first, at most {@code perHost} of one host, of sources
     * still set to full text, skipping rows another process locked; counts the attempt.
     */
    List<FullTextClaim> claim(int limit, int perHost, Instant leaseUntil, String owner) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    with candidates as (
                        select f.source_id, f.guid_hash, f.host, f.created_at from full_text_page f
                        join source s on s.id = f.source_id and s.full_text
                        where f.state = 'pending' and f.attempts = 0 and f.entry_id is not null
                        order by f.created_at limit ? for update of f skip locked),
                    picked as (
                        select source_id, guid_hash from (
                            select source_id, guid_hash, created_at,
                                   row_number() over (partition by host order by created_at) as n from candidates) r
                        where n <= ? order by created_at limit ?)
                    update full_text_page f set attempts = f.attempts + 1, lease_owner = ?, lease_until = ?
                    from picked p where f.source_id = p.source_id and f.guid_hash = p.guid_hash
                    returning f.source_id, f.guid_hash, f.entry_id, f.page_url, f.lease_owner""")) {
                // Enough candidates that one busy host does not hide the others from a run.
                st.setInt(1, limit * 25);
                st.setInt(2, perHost);
                st.setInt(3, limit);
                st.setString(4, owner);
                st.setObject(5, leaseUntil.atOffset(ZoneOffset.UTC));
                List<FullTextClaim> claims = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        claims.add(new FullTextClaim(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return claims;
            }
        });
    }

    /** Locks the claimed row while it is still this claim's (same holder, same address); false when it is not. */
    boolean lockClaimed(FullTextClaim claim) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select 1 from full_text_page where source_id = ? and guid_hash = ? and lease_owner = ? and page_url = ?
                    for update""")) {
                bindClaim(st, claim, 1);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Writes the claim's result ({@code fetched} or {@code failed}) while the row is still the claim's. */
    boolean finish(FullTextClaim claim, String state, String error, Instant now) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    update full_text_page set state = ?, last_error = ?, finished_at = ?, lease_owner = null, lease_until = null
                    where source_id = ? and guid_hash = ? and lease_owner = ? and page_url = ?""")) {
                st.setString(1, state);
                st.setString(2, error == null ? null : error.length() > 500 ? error.substring(0, 499) + "…" : error);
                st.setObject(3, now.atOffset(ZoneOffset.UTC));
                bindClaim(st, claim, 4);
                return st.executeUpdate() == 1;
            }
        });
    }

    /**
     * Claims whose holder stopped before writing a result (its lease ended) fail: the page was requested once
     * already, and is not requested again.
     */
    int failAbandoned(Instant now) {
        return Jdbc.call(em, c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    update full_text_page set state = 'failed', last_error = 'no result: the process reading it stopped',
                           finished_at = ?, lease_owner = null, lease_until = null
                    where state = 'pending' and attempts > 0 and lease_until < ?""")) {
                st.setObject(1, now.atOffset(ZoneOffset.UTC));
                st.setObject(2, now.atOffset(ZoneOffset.UTC));
                return st.executeUpdate();
            }
        });
    }

    private static void bindClaim(PreparedStatement st, FullTextClaim claim, int first) throws java.sql.SQLException {
        st.setLong(first, claim.sourceId());
        st.setString(first + 1, claim.guidHash());
        st.setString(first + 2, claim.owner());
        st.setString(first + 3, claim.pageUrl());
    }
}
