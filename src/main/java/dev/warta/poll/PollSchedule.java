package dev.warta.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to poll a source next. Pure arithmetic over what the last fetch showed:
 * <ul>
 * <li>after a read, the mean time between the source's recent entries (counted up to now, so a source
 * that stopped publishing slows down), between {@code min} and {@code max};</li>
 * <li>never sooner than the upstream's {@code Cache-Control: max-age} or {@code Expires} allow;</li>
 * <li>after an error, {@code min × 2^(errors−1)}, capped at {@code max};</li>
 * <li>after 429/503 with {@code Retry-After}, that long (capped at {@code maxRetryAfter}) if it is longer
 * than the backoff.</li>
 * </ul>
 */
public record PollSchedule(Duration min, Duration max, Duration fallback, Duration maxRetryAfter) {

    /** How far back entries count towards the publishing rate. */
    static final Duration WINDOW = Duration.ofDays(7);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)\"?", Pattern.CASE_INSENSITIVE);

    /** The interval that fits how often the source publishes, from its entries' publication times. */
    public Duration adaptive(List<Instant> published, Instant now) {
        List<Instant> recent = new ArrayList<>();
        for (Instant t : published) {
            if (!t.isAfter(now) && t.isAfter(now.minus(WINDOW))) {
                recent.add(t);
            }
        }
        if (recent.isEmpty()) {
            // Nothing in a week: either it stopped publishing or its dates are useless.
            return published.isEmpty() ? clamp(fallback) : max;
        }
        Instant oldest = recent.stream().min(Instant::compareTo).orElseThrow();
        Duration span = Duration.between(oldest, now);
        return clamp(span.dividedBy(recent.size()));
    }

    /** Next poll after a successful fetch. */
    public Instant afterSuccess(Instant now, Duration interval, Optional<Duration> cacheFloor) {
        Duration wait = clamp(interval);
        if (cacheFloor.isPresent() && cacheFloor.get().compareTo(wait) > 0) {
            wait = cacheFloor.get().compareTo(max) > 0 ? max : cacheFloor.get();
        }
        return now.plus(wait);
    }

    /** Wait after the {@code errors}-th failure in a row (1 = the first). */
    public Duration backoff(int errors) {
        if (errors <= 0) {
            return min;
        }
        Duration wait = min;
        for (int i = 1; i < errors; i++) {
            wait = wait.multipliedBy(2);
            if (wait.compareTo(max) >= 0) {
                return max;
            }
        }
        return wait;
    }

    /** Next poll after a failure; {@code retryAfter} from a 429 or 503 wins when it asks for longer. */
    public Instant afterError(Instant now, int errors, Optional<Duration> retryAfter) {
        Duration wait = backoff(errors);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
        }
        return now.plus(wait);
    }

    Duration clamp(Duration d) {
        if (d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return httpDate(value).map(t -> t.isAfter(now) ? Duration.between(now, t) : Duration.ZERO);
    }

    /**
     * How long the upstream says its answer stays fresh: {@code Cache-Control: max-age}, else
     * {@code Expires} (relative to its {@code Date}, so clock skew does not count). {@code no-cache} and
     * {@code no-store} set no floor.
     */
    public static Optional<Duration> cacheFloor(Optional<String> cacheControl, Optional<String> expires, Optional<String> date,
            Instant now) {
        if (cacheControl.isPresent()) {
            String cc = cacheControl.get().toLowerCase(Locale.ROOT);
            if (cc.contains("no-cache") || cc.contains("no-store")) {
                return Optional.empty();
            }
            Matcher m = MAX_AGE.matcher(cc);
            if (m.find()) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        if (expires.isPresent()) {
            Optional<Instant> until = httpDate(expires.get());
            if (until.isEmpty()) {
                return Optional.empty(); // "0" or garbage: already expired
            }
            Instant reference = date.flatMap(PollSchedule::httpDate).orElse(now);
            Duration fresh = Duration.between(reference, until.get());
            return fresh.isNegative() ? Optional.empty() : Optional.of(fresh);
        }
        return Optional.empty();
    }

    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
