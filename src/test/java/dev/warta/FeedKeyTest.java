package dev.warta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class FeedKeyTest {

    @Test
    void theStoredTextIsTheOneRowsWrittenBeforeHold() {
        assertThat(FeedKey.all().stored()).isEqualTo("all");
        assertThat(FeedKey.topic(42).stored()).isEqualTo("topic:42");
        assertThat(FeedKey.parse("all")).contains(FeedKey.all());
        assertThat(FeedKey.parse("topic:42")).contains(FeedKey.topic(42));
    }

    @Test
    void textNoFeedHasIsNoKey() {
        assertThat(FeedKey.parse("topic:")).isEmpty();
        assertThat(FeedKey.parse("topic:x")).isEmpty();
        assertThat(FeedKey.parse("source:1")).isEmpty();
        assertThat(FeedKey.parse(null)).isEmpty();
    }

    @Test
    void keysSortByTheirStoredTextAsEveryWriterLocksThem() {
        assertThat(new TreeSet<>(List.of(FeedKey.topic(3), FeedKey.topic(12), FeedKey.all())))
                .containsExactly(FeedKey.all(), FeedKey.topic(12), FeedKey.topic(3));
    }
}
