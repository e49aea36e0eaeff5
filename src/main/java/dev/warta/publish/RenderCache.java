package dev.warta.publish;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.warta.WartaConfig;

/**
 * The one render cache of everything Warta serves publicly, feeds and pages alike: a document is kept by what names it
 * (its key: which feed or page, format, page of it, base URL) with the version of what it shows, and is served while
 * the caller's version still equals it. Versions live in the database ({@link FeedVersions}, {@link EntryVersions}),
 * so every process agrees on them; this process's documents also go when the database was emptied (its generation
 * moved). {@link #cached} never blocks (the event loop asks it); {@link #current} renders on a miss (worker threads
 * only), once per document and version however many requests miss together. Bounded by
 * {@code warta.publish.cache-max-bytes}, least recently used first.
 */
@ApplicationScoped
public class RenderCache {

    private record Held(RenderedDocument document, long generation) {
    }

    private final FeedVersions versions;
    private final Cache<Object, Held> cache;
    private final long maxBytes;
    private final Map<Object, CompletableFuture<RenderedDocument>> rendering = new ConcurrentHashMap<>();

    @Inject
    RenderCache(FeedVersions versions, WartaConfig config) {
        this(versions, config.publish().cacheMaxBytes());
    }

    RenderCache(FeedVersions versions, long maxBytes) {
        this.versions = versions;
        this.maxBytes = maxBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object k, Held v) -> v.document().weight())
                .build();
    }

    /** The document kept for the key when it was rendered at this version (and since the last reset); else null. */
    public RenderedDocument cached(Object key, long version) {
        Held held = cache.getIfPresent(key);
        return held != null && held.document().version() == version && held.generation() == versions.generation()
                ? held.document() : null;
    }

    /**
     * The document current at {@code version}: the kept one, else what {@code render} makes (blocking). The renderer
     * reads what it shows after the caller read the version, so what is kept is at least as new as its label.
     */
    public RenderedDocument current(Object key, long version, Supplier<RenderedDocument> render) {
        return current(key, version, render, false);
    }

    /**
     * Like {@link #current}, for documents anyone can name by the thousand (a search's feed): what it renders is kept
     * only while the cache, with it, stays within half its bound, so such documents never push out the feeds and
     * pages, whose names are few.
     */
    public RenderedDocument currentIfRoom(Object key, long version, Supplier<RenderedDocument> render) {
        return current(key, version, render, true);
    }

    private RenderedDocument current(Object key, long version, Supplier<RenderedDocument> render, boolean ifRoom) {
        RenderedDocument hit = cached(key, version);
        if (hit != null) {
            return hit;
        }
        return once(List.of(key, version), () -> {
            long generation = versions.generation();
            RenderedDocument rendered = render.get();
            if (!ifRoom || keptBytes() + rendered.weight() <= maxBytes / 2) {
                cache.put(key, new Held(rendered, generation));
            }
            return rendered;
        });
    }

    /** What the kept documents weigh now, pending writes counted (asked only after a render, which costs far more). */
    long keptBytes() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Renders a document once however many threads ask for it together. */
    private RenderedDocument once(Object key, Supplier<RenderedDocument> work) {
        CompletableFuture<RenderedDocument> mine = new CompletableFuture<>();
        CompletableFuture<RenderedDocument> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        try {
            RenderedDocument result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }
}
