package dev.warta.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Documents anyone can name by the thousand (search feeds) are kept only while the render cache has room to spare. */
class RenderCacheRoomTest {

    static RenderedDocument document(long seed) {
        byte[] bytes = new byte[2000];
        new Random(seed).nextBytes(bytes);
        return RenderedDocument.of(1, "application/atom+xml;charset=utf-8", null, bytes, Instant.EPOCH, null, null);
    }

    @Test
    void searchesAreKeptOnlyWhileTheCacheIsUnderHalfItsBound() {
        int weight = document(0).weight();
        RenderCache cache = new RenderCache(new FeedVersions(null, null), 10L * weight);
        cache.currentIfRoom("search a", 1, () -> document(1));
        assertThat(cache.cached("search a", 1)).as("room to spare: kept").isNotNull();
        for (int i = 0; i < 5; i++) {
            long seed = 10 + i;
            cache.current("feed " + i, 1, () -> document(seed));
        }
        for (int i = 0; i < 200; i++) {
            long seed = 100 + i;
            RenderedDocument served = cache.currentIfRoom("search " + i, 1, () -> document(seed));
            assertThat(served).as("rendered and served all the same").isNotNull();
        }
        assertThat(cache.cached("search 199", 1)).as("over half the bound: not kept").isNull();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.cached("feed " + i, 1)).as("random searches pushed out no feed").isNotNull();
        }
        assertThat(cache.keptBytes()).isLessThanOrEqualTo(10L * weight);
    }
}
