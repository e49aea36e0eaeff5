package dev.warta.article;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A date as a source states it: an instant, and whether the source gave only the day. A day is stored as midnight in
 * Jakarta (the newsroom's zone), the instant Atom and RSS then carry.
 */
public record NewsDate(Instant instant, boolean dayOnly) {

    public static NewsDate at(Instant instant) {
        return new NewsDate(instant, false);
    }

    public static NewsDate day(LocalDate day) {
        return new NewsDate(day.atStartOfDay(ArticleTextParser.NEWSROOM_ZONE).toInstant(), true);
    }
}
