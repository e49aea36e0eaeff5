package dev.warta.poll;

import java.time.Instant;

/** The dates an upstream entry states for itself, each null when it states none (or none readable). */
record StatedDates(Instant published, Instant updated) {

    static final StatedDates NONE = new StatedDates(null, null);

    /** These dates where stated, else {@code fallback}'s. */
    StatedDates or(StatedDates fallback) {
        return new StatedDates(published != null ? published : fallback.published(), updated != null ? updated : fallback.updated());
    }
}
