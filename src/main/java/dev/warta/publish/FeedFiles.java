package dev.warta.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Rendered feeds as files in a private temporary directory, so that large bodies go out with sendfile(2)
 * straight from the page cache instead of being copied from the heap for every request. A file outlives
 * its cache entry by a minute: a request that picked the entry just before it was dropped still finds it.
 */
@ApplicationScoped
public class FeedFiles {

    static final long GRACE_SECONDS = 60;

    private final AtomicLong counter = new AtomicLong();
    private Path dir;
    private ScheduledExecutorService reaper;

    /** Not in the constructor: the client proxy runs that too, and would leave a directory behind. */
    @PostConstruct
    void open() {
        try {
            dir = Files.createTempDirectory("warta-feeds-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warta-feed-files");
            t.setDaemon(true);
            return t;
        });
    }

    String write(byte[] bytes) {
        Path file = dir.resolve(counter.incrementAndGet() + ".feed");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    void discard(String file) {
        if (file != null) {
            reaper.schedule(() -> delete(Path.of(file)), GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.debugf(e, "Could not delete %s", file);
        }
    }

    @PreDestroy
    void close() {
        reaper.shutdownNow();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(FeedFiles::delete);
        } catch (IOException e) {
            Log.debugf(e, "Could not delete %s", dir);
        }
    }
}
