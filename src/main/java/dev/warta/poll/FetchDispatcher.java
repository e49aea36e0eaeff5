package dev.warta.poll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.logging.Log;

/**
 * Runs fetches with two bounds: at most {@code maxConcurrent} at once, at most {@code maxPerHost} at once
 * against one host. A task that would exceed the host's bound waits in that host's queue without holding a
 * worker, so one slow host does not stall the others.
 */
public final class FetchDispatcher {

    private record Task(String host, Runnable work) {
    }

    private final int maxConcurrent;
    private final int maxPerHost;
    private final ExecutorService workers;
    private final Map<String, Deque<Task>> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> running = new HashMap<>();
    private int runningTotal;
    private int queuedTotal;

    public FetchDispatcher(int maxConcurrent, int maxPerHost) {
        this.maxConcurrent = maxConcurrent;
        this.maxPerHost = maxPerHost;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "warta-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a fetch against {@code host}; it starts as soon as both bounds allow. */
    public void submit(String host, Runnable work) {
        synchronized (this) {
            waiting.computeIfAbsent(host, h -> new ArrayDeque<>()).add(new Task(host, work));
            queuedTotal++;
            startWhatFits();
        }
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

    public int maxConcurrent() {
        return maxConcurrent;
    }

    private void startWhatFits() {
        // Hosts in order of arrival; a host at its bound is skipped, not waited for.
        Iterator<Map.Entry<String, Deque<Task>>> hosts = waiting.entrySet().iterator();
        while (runningTotal < maxConcurrent && hosts.hasNext()) {
            Map.Entry<String, Deque<Task>> e = hosts.next();
            String host = e.getKey();
            while (runningTotal < maxConcurrent && running.getOrDefault(host, 0) < maxPerHost && !e.getValue().isEmpty()) {
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
        try {
            task.work().run();
        } catch (RuntimeException e) {
            Log.errorf(e, "A fetch against %s failed", task.host());
        } finally {
            synchronized (this) {
                runningTotal--;
                running.merge(task.host(), -1, Integer::sum);
                if (running.get(task.host()) <= 0) {
                    running.remove(task.host());
                }
                startWhatFits();
            }
        }
    }

    public void shutdown() {
        workers.shutdownNow();
    }
}
