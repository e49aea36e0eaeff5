package dev.warta.websub;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The hub's own threads: verification of intent, sweeps and deliveries all make outgoing HTTP requests
 * that may take up to the fetch deadline, so they run here rather than on request or event-loop threads.
 */
@ApplicationScoped
class HubWorkers {

    private ScheduledThreadPoolExecutor pool;
    /** Set when the application begins to stop: work still running then meets a closing database. */
    private volatile boolean stopping;

    /** Not in a constructor: the client proxy would run that too. */
    @PostConstruct
    void open() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "warta-websub-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ScheduledThreadPoolExecutor(4, threads);
        pool.setRemoveOnCancelPolicy(true);
    }

    void submit(String what, Runnable work) {
        pool.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failed("WebSub " + what, e);
            }
        });
    }

    /** Runs {@code work} once, {@code millis} from now. */
    void after(long millis, String what, Runnable work) {
        pool.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "WebSub %s failed", what);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    void every(long millis, Runnable work) {
        pool.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failed("WebSub sweep", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void failed(String what, RuntimeException e) {
        if (stopping) {
            Log.debugf("%s ended by shutdown: %s", what, e.getMessage());
        } else {
            Log.errorf(e, "%s failed", what);
        }
    }

    /** Before the datasource and Hibernate close, so no sweep starts against them. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        pool.shutdownNow();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        pool.shutdownNow();
    }
}
