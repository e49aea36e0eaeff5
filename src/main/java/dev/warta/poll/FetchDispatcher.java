package dev.warta.poll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.warta.fetch.HostSlot;
import dev.warta.fetch.HostSlots;
import io.quarkus.logging.Log;

/**
 * Runs fetches with three bounds: at most {@code maxConcurrent} at once and {@code maxPerHost} against one
 * host in this process, and a slot of the host from {@link HostSlots} (the bound for all processes). A task
 * that would exceed a bound waits in its host's queue without holding a worker, so one busy host does not
 * stall the others: a worker that finds the host's slots all taken puts the task back and the host waits
 * until a fetch of it ends here, or {@value #RETRY_MILLIS} ms have passed (slots other processes give back).
 */
public final class FetchDispatcher {

    static final long RETRY_MILLIS = 250;

    private record Task(String host, Consumer<HostSlot> work, Function<String, Optional<HostSlot>> acquire) {
    }

    private final int maxConcurrent;
    private final int maxPerHost;
    private final HostSlots slots;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries;
    private final Map<String, Deque<Task>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    /** Hosts whose last try found no free slot; their queues wait for a retry. */
    private final Set<String> blocked = new HashSet<>();
    private boolean retryPending;
    private int runningTotal;
    private int queuedTotal;

    /** Bounded in this process only. */
    public FetchDispatcher(int maxConcurrent, int maxPerHost) {
        this(maxConcurrent, maxPerHost, HostSlots.unbounded());
    }

    public FetchDispatcher(int maxConcurrent, int maxPerHost, HostSlots slots) {
        this.maxConcurrent = maxConcurrent;
        this.maxPerHost = maxPerHost;
        this.slots = slots;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "warta-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warta-poll-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a fetch against {@code host}; it starts as soon as the bounds allow. */
    public void submit(String host, Runnable work) {
        submit(host, slot -> work.run());
    }

    /**
     * Queues a fetch against {@code host}; it runs with a slot of the host, which it may give back as soon as
     * its answer is in (it is given back when the work ends in any case).
     */
    public void submit(String host, Consumer<HostSlot> work) {
        submit(host, work, slots::tryAcquire);
    }

    /** The same, with the slot taken by {@code acquire} (the poller checks its claim in the slot's transaction). */
    public synchronized void submit(String host, Consumer<HostSlot> work, Function<String, Optional<HostSlot>> acquire) {
        waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).add(new Task(host, work, acquire));
        queuedTotal++;
        startWhatFits();
    }

    /** Fetches running or waiting: what the poller counts against its capacity. */
    public synchronized int pending() {
        return runningTotal + queuedTotal;
    }

    public synchronized int running() {
        return runningTotal;
    }

    public synchronized int running(String host) {
        return running.getOrDefault(host, 0);
    }

    /** Hosts whose queued fetches wait for a slot that another fetch (here or in another process) holds. */
    public synchronized int blockedHosts() {
        return blocked.size();
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    private void startWhatFits() {
        // Hosts in order of arrival; a host at its bound is skipped, not waited for.
        Iterator<Map.Entry<String, Deque<Task>>> hosts = waiting.entrySet().iterator();
        while (runningTotal < maxConcurrent && hosts.hasNext()) {
            Map.Entry<String, Deque<Task>> e = hosts.next();
            String host = e.getKey();
            while (runningTotal < maxConcurrent && !blocked.contains(host) && running.getOrDefault(host, 0) < maxPerHost
                    && !e.getValue().isEmpty()) {
                Task task = e.getValue().poll();
                queuedTotal--;
                runningTotal++;
                running.merge(host, 1, Integer::sum);
                workers.execute(() -> run(task));
            }
            if (e.getValue().isEmpty()) {
                hosts.remove();
            }
        }
    }

    private void run(Task task) {
        Optional<HostSlot> slot = trySlot(task);
        if (slot.isEmpty()) {
            putBack(task);
            return;
        }
        try (HostSlot held = slot.get()) {
            task.work().accept(held);
        } catch (RuntimeException e) {
            Log.errorf(e, "A fetch against %s failed", task.host());
        } finally {
            synchronized (this) {
                ended(task.host());
                // A fetch of this host ended here: its slot is free, its queue may go on.
                blocked.remove(task.host());
                startWhatFits();
            }
        }
    }

    private Optional<HostSlot> trySlot(Task task) {
        try {
            return task.acquire().apply(task.host());
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not take a slot of %s; trying again shortly", task.host());
            return Optional.empty();
        }
    }

    private synchronized void putBack(Task task) {
        ended(task.host());
        waiting.computeIfAbsent(task.host(), h -> new ArrayDeque<>()).addFirst(task);
        queuedTotal++;
        blocked.add(task.host());
        if (!retryPending) {
            retryPending = true;
            retries.schedule(this::retryBlocked, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
        startWhatFits();
    }

    private synchronized void retryBlocked() {
        retryPending = false;
        blocked.clear();
        startWhatFits();
    }

    private void ended(String host) {
        runningTotal--;
        running.merge(host, -1, Integer::sum);
        if (running.get(host) <= 0) {
            running.remove(host);
        }
    }

    public void shutdown() {
        retries.shutdownNow();
        workers.shutdownNow();
    }
}
