package dev.warta.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The statements on {@code host_slot}. Times are the database's ({@code clock_timestamp()}), so processes
 * on machines whose clocks differ agree on when a lease ends.
 */
@ApplicationScoped
class HostSlotRepository {

    private final EntityManager em;

    HostSlotRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes a free slot of {@code host} below {@code slots}: one without a row or whose lease ended. Two
     * processes that pick the same free slot at once meet on the primary key; the later one updates only an
     * ended lease, so it gets nothing (and tries again later) rather than a slot that is taken. Which free slot
     * is picked is random, so that such meetings are rare.
     */
    Optional<Integer> claimFree(String host, int slots, String owner, Duration lease) {
        return em.createNativeQuery("""
                with free as (
                    select g.slot from generate_series(0, ?2 - 1) as g(slot)
                    where not exists (select 1 from host_slot h
                                      where h.host = ?1 and h.slot = g.slot and h.lease_until >= clock_timestamp())
                    order by random()
                    limit 1)
                insert into host_slot (host, slot, owner, lease_until)
                select ?1, slot, ?3, clock_timestamp() + make_interval(secs => cast(?4 as double precision)) from free
                on conflict (host, slot) do update set owner = excluded.owner, lease_until = excluded.lease_until
                    where host_slot.lease_until < clock_timestamp()
                returning slot""")
                .setParameter(1, host)
                .setParameter(2, slots)
                .setParameter(3, owner)
                .setParameter(4, lease.toMillis() / 1000.0)
                .getResultList().stream().findFirst().map(o -> ((Number) o).intValue());
    }

    /** Moves the lease of every slot these owners hold to one lease from now. */
    int renew(List<String> owners, Duration lease) {
        return em.createNativeQuery("""
                update host_slot set lease_until = clock_timestamp() + make_interval(secs => cast(?2 as double precision))
                where owner = any(cast(?1 as text[]))""")
                .setParameter(1, owners.toArray(String[]::new))
                .setParameter(2, lease.toMillis() / 1000.0)
                .executeUpdate();
    }

    boolean delete(String host, int slot, String owner) {
        return em.createNativeQuery("delete from host_slot where host = ?1 and slot = ?2 and owner = ?3")
                .setParameter(1, host).setParameter(2, slot).setParameter(3, owner).executeUpdate() == 1;
    }

    int deleteOwnedBy(String ownerPrefix) {
        return em.createNativeQuery("delete from host_slot where owner like ?1").setParameter(1, ownerPrefix + "%").executeUpdate();
    }
}
