package dev.warta.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PollScheduleTest {

    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    final PollSchedule schedule = new PollSchedule(Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofHours(1),
            Duration.ofDays(7));

    private static List<Instant> every(Duration gap, int count) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(NOW.minus(gap.multipliedBy(i + 1)));
        }
        return dates;
    }

    @Test
    void aSourceThatPublishesHourlyIsPolledHourly() {
        assertThat(schedule.adaptive(every(Duration.ofHours(1), 20), NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBusySourceIsPolledNoMoreOftenThanTheFloor() {
        assertThat(schedule.adaptive(every(Duration.ofMinutes(1), 50), NOW)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aQuietSourceIsPolledNoLessOftenThanTheCeiling() {
        assertThat(schedule.adaptive(every(Duration.ofDays(3), 2), NOW)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.adaptive(List.of(NOW.minus(Duration.ofDays(40))), NOW)).as("silent for a week").isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSourceThatStoppedPublishingSlowsDown() {
        List<Instant> burstThenSilence = every(Duration.ofMinutes(10), 6).stream().map(t -> t.minus(Duration.ofHours(30))).toList();
        assertThat(schedule.adaptive(burstThenSilence, NOW)).isEqualTo(Duration.ofHours(5).plusMinutes(10));
    }

    @Test
    void aSourceWithoutDatesGetsTheDefault() {
        assertThat(schedule.adaptive(List.of(), NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void errorsBackOffExponentiallyUpToTheCeiling() {
        assertThat(schedule.backoff(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.backoff(2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.backoff(3)).isEqualTo(Duration.ofMinutes(60));
        assertThat(schedule.backoff(7)).isEqualTo(Duration.ofMinutes(960));
        assertThat(schedule.backoff(8)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.backoff(1000)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCapped() {
        assertThat(schedule.afterError(NOW, 1, Optional.of(Duration.ofHours(2)))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(schedule.afterError(NOW, 3, Optional.of(Duration.ofSeconds(30)))).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(schedule.afterError(NOW, 1, Optional.of(Duration.ofDays(30)))).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(PollSchedule.retryAfter(Optional.of("120"), NOW)).hasValue(Duration.ofSeconds(120));
        assertThat(PollSchedule.retryAfter(Optional.of("Fri, 01 Mar 2024 13:30:00 GMT"), NOW)).hasValue(Duration.ofMinutes(90));
        assertThat(PollSchedule.retryAfter(Optional.of("soon"), NOW)).isEmpty();
        assertThat(PollSchedule.retryAfter(Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void cacheHeadersSetAFloorOnTheNextPoll() {
        assertThat(PollSchedule.cacheFloor(Optional.of("public, max-age=3600"), Optional.empty(), Optional.empty(), NOW))
                .hasValue(Duration.ofHours(1));
        assertThat(PollSchedule.cacheFloor(Optional.of("no-cache"), Optional.of("Fri, 01 Mar 2024 14:00:00 GMT"), Optional.empty(), NOW))
                .isEmpty();
        assertThat(PollSchedule.cacheFloor(Optional.empty(), Optional.of("Fri, 01 Mar 2024 14:00:00 GMT"),
                Optional.of("Fri, 01 Mar 2024 11:00:00 GMT"), NOW)).as("relative to the upstream's Date").hasValue(Duration.ofHours(3));
        assertThat(PollSchedule.cacheFloor(Optional.empty(), Optional.of("0"), Optional.empty(), NOW)).isEmpty();

        assertThat(schedule.afterSuccess(NOW, Duration.ofMinutes(15), Optional.of(Duration.ofHours(2)))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(schedule.afterSuccess(NOW, Duration.ofHours(3), Optional.of(Duration.ofHours(2)))).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(schedule.afterSuccess(NOW, Duration.ofMinutes(15), Optional.of(Duration.ofDays(3)))).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
