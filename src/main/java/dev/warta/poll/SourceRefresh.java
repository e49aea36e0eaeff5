package dev.warta.poll;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.ProblemException;
import dev.warta.source.ClaimedSource;
import dev.warta.source.SourceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** {@code POST /api/sources/{id}/refresh}: fetches a source now, in the caller's thread. */
@ApplicationScoped
public class SourceRefresh {

    private final SourceClaims claims;
    private final PollService service;
    private final PollClock clock;
    private final SourceRepository sources;

    SourceRefresh(SourceClaims claims, PollService service, PollClock clock, SourceRepository sources) {
        this.claims = claims;
        this.service = service;
        this.clock = clock;
        this.sources = sources;
    }

    /** What fetching the source now came to; 409 while a fetch of it runs. */
    public PollReport refresh(long sourceId) {
        if (QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(sourceId)).isEmpty()) {
            throw ProblemException.notFound("no source with id " + sourceId);
        }
        ClaimedSource claimed = claims.claim(sourceId, clock.now()).orElseThrow(() -> ProblemException.conflict(
                "fetch-in-progress", "source " + sourceId + " is being fetched right now; try again in a moment")
                .with("source", sourceId));
        return service.poll(claimed);
    }
}
