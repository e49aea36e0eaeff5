package dev.warta.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private static TopicClassifier.TopicSpec topic(long id, String label, TopicRule... rules) {
        return new TopicClassifier.TopicSpec(id, label, List.of(rules));
    }

    private static TopicRule word(String w) {
        return new TopicRule(TopicRule.Type.WORD, w);
    }

    private final TopicClassifier classifier = TopicClassifier.of(List.of(
            topic(1, "Ukraina", word("kyiv"), new TopicRule(TopicRule.Type.PHRASE, "Vladimir Putin")),
            topic(2, "Ekonomi Makro", new TopicRule(TopicRule.Type.REGEX, "infla(si|tion)")),
            topic(3, "Café", word("kopi")),
            topic(4, "Bencana", new TopicRule(TopicRule.Type.REGEX, "(a+)+b"))));

    @Test
    void matchesWholeWordsCaseAndAccentInsensitively() {
        assertThat(classifier.classify("Serangan di KYÏV", null, List.of())).containsExactly(1L);
        assertThat(classifier.classify("Kyivska street", null, List.of())).isEmpty();
        assertThat(classifier.classify("Harga kopi", null, List.of())).containsExactly(3L);
    }

    @Test
    void matchesPhrasesAcrossPunctuationButNotSplitWords() {
        assertThat(classifier.classify("Kata", "Vladimir — Putin berkata", List.of())).containsExactly(1L);
        assertThat(classifier.classify("Vladimir bertemu Putin", null, List.of())).isEmpty();
    }

    @Test
    void matchesRegularExpressionsOnFoldedText() {
        assertThat(classifier.classify("INFLASI naik", null, List.of())).containsExactly(2L);
        assertThat(classifier.classify("Inflation", null, List.of())).containsExactly(2L);
    }

    @Test
    void anUpstreamCategoryEqualToALabelMapsToThatTopic() {
        assertThat(classifier.classify("Sesuatu", null, List.of("ekonomi  makro"))).containsExactly(2L);
        assertThat(classifier.classify("Sesuatu", null, List.of("CAFE"))).containsExactly(3L);
        assertThat(classifier.classify("Sesuatu", null, List.of("kyiv"))).as("rules see categories too").containsExactly(1L);
    }

    @Test
    void aBacktrackingRegexGivesUpAtItsStepBudgetAndIsReported() {
        // (a+)+b on a's without a b: about 3·n² character reads in java.util.regex, 75 million here, so it
        // can only end early by the budget (without it, it ends in about a second, unreported).
        String evil = "a".repeat(5000) + "!";
        TopicClassifier.Classification result = classifier.classification(evil, null, List.of());
        assertThat(result.gaveUp()).containsExactly(new TopicClassifier.GaveUp(4, "(a+)+b"));
        assertThat(result.topicIds()).doesNotContain(4L);
        assertThat(classifier.classify(evil, null, List.of())).isEqualTo(result.topicIds());
    }

    @Test
    void theStepBudgetLeavesOrdinaryTextsAlone() {
        // 100 a's: some 30,000 reads, well inside the budget of 200,000.
        assertThat(TopicClassifier.REGEX_BUDGET).isEqualTo(200_000);
        TopicClassifier.Classification shortRun = classifier.classification("a".repeat(100) + "!", null, List.of());
        assertThat(shortRun.gaveUp()).isEmpty();
        assertThat(shortRun.topicIds()).isEmpty();
        TopicClassifier.Classification match = classifier.classification("a".repeat(100) + "b INFLASI", null, List.of());
        assertThat(match.gaveUp()).isEmpty();
        assertThat(match.topicIds()).containsExactly(2L, 4L);
    }

    @Test
    void aTildeWordMatchesEveryWordOfTheSameStem() {
        TopicClassifier stems = TopicClassifier.of(List.of(topic(7, "Serangan", word("~serang")),
                topic(8, "Bacaan", new TopicRule(TopicRule.Type.PHRASE, "~membaca buku")), topic(9, "Plain", word("serang"))));
        assertThat(stems.classify("Kota diserang pada malam hari", null, List.of())).containsExactly(7L);
        assertThat(stems.classify("Pasukan MENYERANG", null, List.of())).containsExactly(7L);
        assertThat(stems.classify("Serangan udara", null, List.of())).containsExactly(7L);
        assertThat(stems.classify("Serang!", null, List.of())).as("the plain word keeps its meaning").containsExactly(7L, 9L);
        assertThat(stems.classify("Seranggo", null, List.of())).isEmpty();
        assertThat(stems.classify("Pembacaan bukunya", null, List.of())).as("a ~phrase compares every word by stem")
                .containsExactly(8L);
        assertThat(stems.classify("Buku dibaca", null, List.of())).isEmpty();
    }

    @Test
    void plainWordsDoNotMatchByStem() {
        assertThat(classifier.classify("Pengopian", null, List.of())).isEmpty();
        assertThat(TopicClassifier.of(List.of(topic(1, "x", word("serang")))).classify("diserang", null, List.of())).isEmpty();
    }
}
