package dev.warta.fetch;

import java.util.concurrent.atomic.AtomicBoolean;

/** One of a host's slots, held from {@link HostSlots} until closed; closing it twice gives it back once. */
public final class HostSlot implements AutoCloseable {

    private final String host;
    private final Runnable giveBack;
    private final AtomicBoolean held = new AtomicBoolean(true);

    HostSlot(String host, Runnable giveBack) {
        this.host = host;
        this.giveBack = giveBack;
    }

    public String host() {
        return host;
    }

    @Override
    public void close() {
        if (held.compareAndSet(true, false)) {
            giveBack.run();
        }
    }
}
