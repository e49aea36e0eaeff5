package dev.warta.poll;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.source.ClaimedSource;
import dev.warta.source.SourceRepository;
import dev.warta.source.SourceUrls;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Which address a source is fetched from: one source per address, so a move onto another's address is not taken. */
@ApplicationScoped
class SourceAddresses {

    private final SourceRepository sources;

    SourceAddresses(SourceRepository sources) {
        this.sources = sources;
    }

    /** The source that already follows this address, other than {@code source}. */
    Optional<Long> otherSourceAt(URI address, ClaimedSource source) {
        String url = SourceUrls.normalizeValid(address);
        return QuarkusTransaction.requiringNew().call(() -> sources.findIdByUrlExcept(url, source.id()));
    }

    /** The source's address after its fetch: where it moved permanently, unless another source follows that already. */
    String after(ClaimedSource source, Optional<URI> movedTo) {
        if (movedTo.isEmpty()) {
            return source.url();
        }
        String moved = SourceUrls.normalizeValid(movedTo.get());
        return moved.equals(source.url()) || otherSourceAt(movedTo.get(), source).isPresent() ? source.url() : moved;
    }
}
