package dev.warta.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warta.fetch.HostSlot;
import dev.warta.fetch.HostSlots;

/** The global and per-host bounds on concurrent fetches, and hosts whose slots other processes hold. */
class FetchDispatcherTest {

    final FetchDispatcher dispatcher = new FetchDispatcher(3, 2);
    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    final Map<String, Integer> maxSeen = new ConcurrentHashMap<>();
    final AtomicInteger runningTotal = new AtomicInteger();
    final AtomicInteger maxTotal = new AtomicInteger();
    final List<String> done = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        dispatcher.shutdown();
    }

    private Runnable fetch(String host, CountDownLatch gate) {
        return () -> {
            int now = running.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            maxSeen.merge(host, now, Math::max);
            maxTotal.accumulateAndGet(runningTotal.incrementAndGet(), Math::max);
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.get(host).decrementAndGet();
                runningTotal.decrementAndGet();
                done.add(host);
            }
        };
    }

    @Test
    void runsAtMostTwoPerHostAndThreeInAll() {
        for (int i = 0; i < 5; i++) {
            dispatcher.submit("a.example", fetch("a.example", release));
        }
        for (int i = 0; i < 2; i++) {
            dispatcher.submit("b.example", fetch("b.example", release));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> runningTotal.get() == 3);
        assertThat(dispatcher.running("a.example")).isEqualTo(2);
        assertThat(dispatcher.running("b.example")).isEqualTo(1);
        assertThat(dispatcher.pending()).isEqualTo(7);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 7);
        assertThat(maxSeen.get("a.example")).isEqualTo(2);
        assertThat(maxSeen.get("b.example")).isLessThanOrEqualTo(2);
        assertThat(maxTotal.get()).isEqualTo(3);
        assertThat(dispatcher.pending()).isZero();
    }

    @Test
    void aSlowHostDoesNotHoldBackTheOthers() {
        CountDownLatch slow = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            dispatcher.submit("slow.example", fetch("slow.example", slow));
        }
        for (int i = 0; i < 5; i++) {
            dispatcher.submit("fast.example", fetch("fast.example", new CountDownLatch(0)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> done.stream().filter("fast.example"::equals).count() == 5);
        assertThat(done).doesNotContain("slow.example");
        assertThat(dispatcher.running("slow.example")).isEqualTo(2);
        slow.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 9);
    }

    @Test
    void aHostWithoutAFreeSlotWaitsInItsQueueWithoutHoldingAWorker() {
        AtomicBoolean busyFree = new AtomicBoolean();
        HostSlots elsewhere = new HostSlots() {
            @Override
            public Optional<HostSlot> tryAcquire(String host) {
                return host.equals("busy.example") && !busyFree.get() ? Optional.empty() : HostSlots.unbounded().tryAcquire(host);
            }

            @Override
            public HostSlot acquire(String host, Duration wait) {
                throw new AssertionError("the dispatcher never waits for a slot");
            }
        };
        FetchDispatcher bounded = new FetchDispatcher(2, 2, elsewhere);
        try {
            for (int i = 0; i < 3; i++) {
                bounded.submit("busy.example", fetch("busy.example", new CountDownLatch(0)));
            }
            for (int i = 0; i < 4; i++) {
                bounded.submit("free.example", fetch("free.example", new CountDownLatch(0)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 4);
            assertThat(done).as("two workers ran the free host's fetches while the busy host had no slot").containsOnly("free.example");
            assertThat(bounded.blockedHosts()).isEqualTo(1);
            assertThat(bounded.pending()).isEqualTo(3);

            busyFree.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 7);
            assertThat(maxSeen.get("busy.example")).isLessThanOrEqualTo(2);
            assertThat(bounded.pending()).isZero();
        } finally {
            bounded.shutdown();
        }
    }
}
