package dev.warta.poll;

import dev.warta.TestDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Plays another Warta process on the same database: it holds host slots and source leases as rows with its
 * own owner, and writes results the way that process's poller would.
 */
public final class OtherProcess {

    public static final String OWNER = "other-process:test";
    /** Every fake site of the tests listens on this host: slots are counted per host, not per port. */
    public static final String HOST = "127.0.0.1";

    private final TestDatabase db;

    public OtherProcess(TestDatabase db) {
        this.db = db;
    }

    /** Takes these slots of {@link #HOST} for five minutes, as a fetch running there would. */
    public void holdSlots(int... slots) {
        for (int slot : slots) {
            db.execute("insert into host_slot (host, slot, owner, lease_until) values ('" + HOST + "', " + slot + ", '" + OWNER
                    + "', now() + interval '5 minutes')");
        }
    }

    /** Slots a process that died left behind: their lease ended a minute ago. */
    public void leaveExpiredSlots(int... slots) {
        for (int slot : slots) {
            db.execute("insert into host_slot (host, slot, owner, lease_until) values ('" + HOST + "', " + slot + ", '" + OWNER
                    + "', now() - interval '1 minute')");
        }
    }

    public void releaseSlot(int slot) {
        db.execute("delete from host_slot where owner = '" + OWNER + "' and slot = " + slot);
    }

    public long slotsHeld() {
        return Long.parseLong(db.text("select count(*) from host_slot where owner = '" + OWNER + "'"));
    }

    public void forgetEverything() {
        db.execute("delete from host_slot");
    }

    /** A gauge's value; -1 while there is no such gauge. */
    public static double gauge(MeterRegistry registry, String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
