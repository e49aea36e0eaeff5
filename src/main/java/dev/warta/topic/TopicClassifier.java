package dev.warta.topic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.quarkus.logging.Log;

/**
 * Sorts an entry into topics by their rules, matched on its title, summary and upstream categories, case-
 * and accent-insensitively ({@code "Kyiv"} matches {@code "KYÏV"}). An upstream category equal to a topic's
 * label (in the same sense) puts the entry in that topic. A word or phrase rule written with a leading
 * {@code ~} ({@code ~serang}) compares Indonesian stems instead of words (see {@link Stems}): it matches
 * {@code serangan}, {@code diserang} and {@code menyerang}. Immutable and thread-safe: build one per rule set.
 */
public final class TopicClassifier {

    /** A topic as the classifier sees it. */
    public record TopicSpec(long id, String label, List<TopicRule> rules) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Character reads a regex may make on one text before it counts as not matching (catastrophic backtracking). */
    static final long REGEX_BUDGET = 200_000;

    /** What marks a rule that matches by stem. */
    static final String STEM_MARK = "~";

    private record Compiled(long topicId, String label, List<String> terms, List<String> stemTerms, List<Pattern> regexes) {
    }

    private final List<Compiled> topics;

    private TopicClassifier(List<Compiled> topics) {
        this.topics = topics;
    }

    public static final TopicClassifier EMPTY = new TopicClassifier(List.of());

    public static TopicClassifier of(Collection<TopicSpec> specs) {
        List<Compiled> compiled = new ArrayList<>();
        Stems stems = new Stems();
        for (TopicSpec spec : specs) {
            List<String> terms = new ArrayList<>();
            List<String> stemTerms = new ArrayList<>();
            List<Pattern> regexes = new ArrayList<>();
            for (TopicRule rule : spec.rules()) {
                if (rule.type() == TopicRule.Type.REGEX) {
                    try {
                        regexes.add(compile(rule.pattern()));
                    } catch (PatternSyntaxException e) {
                        Log.warnf("Topic %d: ignoring invalid regular expression %s", spec.id(), rule.pattern());
                    }
                } else {
                    String words = words(rule.pattern());
                    if (words.isBlank()) {
                        continue;
                    }
                    if (rule.pattern().strip().startsWith(STEM_MARK)) {
                        stemTerms.add(" " + stems.ofWords(words) + " ");
                    } else {
                        terms.add(" " + words + " ");
                    }
                }
            }
            compiled.add(new Compiled(spec.id(), words(spec.label()), terms, stemTerms, regexes));
        }
        return new TopicClassifier(List.copyOf(compiled));
    }

    /** Throws {@link PatternSyntaxException} when the expression is not valid. */
    public static Pattern compile(String regex) {
        return Pattern.compile(fold(regex), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The topics an entry belongs in, and the regex rules that gave up on its text (they count as not matching). */
    public record Classification(Set<Long> topicIds, List<GaveUp> gaveUp) {
    }

    /** A regex rule that ran out of its step budget on a text (catastrophic backtracking). */
    public record GaveUp(long topicId, String pattern) {
    }

    /** Ids of the topics the entry belongs in, in the order topics were given. */
    public Set<Long> classify(String title, String summary, Collection<String> categories) {
        return classification(title, summary, categories).topicIds();
    }

    /** What {@link #classify} decides, with the rules that gave up on the way. */
    public Classification classification(String title, String summary, Collection<String> categories) {
        Set<Long> result = new LinkedHashSet<>();
        List<GaveUp> gaveUp = new ArrayList<>();
        if (topics.isEmpty()) {
            return new Classification(result, gaveUp);
        }
        StringBuilder all = new StringBuilder();
        for (String s : new String[] { title, summary }) {
            if (s != null) {
                all.append(s).append('\n');
            }
        }
        Set<String> categoryWords = new LinkedHashSet<>();
        for (String c : categories) {
            if (c != null) {
                all.append(c).append('\n');
                categoryWords.add(words(c));
            }
        }
        String folded = fold(all.toString());
        String spaced = " " + NOT_WORD.matcher(folded).replaceAll(" ").strip() + " ";
        // Stemming every word costs more than the rest; only done when some rule asks for it.
        String stemmed = topics.stream().anyMatch(t -> !t.stemTerms().isEmpty())
                ? " " + new Stems().ofWords(spaced.strip()) + " "
                : "";
        for (Compiled topic : topics) {
            if (!topic.label().isEmpty() && categoryWords.contains(topic.label())) {
                result.add(topic.topicId());
                continue;
            }
            if (matches(topic, folded, spaced, stemmed, gaveUp)) {
                result.add(topic.topicId());
            }
        }
        return new Classification(result, gaveUp);
    }

    private static boolean matches(Compiled topic, String folded, String spaced, String stemmed, List<GaveUp> gaveUp) {
        for (String term : topic.terms()) {
            if (spaced.contains(term)) {
                return true;
            }
        }
        for (String term : topic.stemTerms()) {
            if (stemmed.contains(term)) {
                return true;
            }
        }
        for (Pattern regex : topic.regexes()) {
            try {
                Matcher m = regex.matcher(new BudgetedText(folded, REGEX_BUDGET));
                if (m.find()) {
                    return true;
                }
            } catch (BudgetExceeded e) {
                gaveUp.add(new GaveUp(topic.topicId(), regex.pattern()));
                Log.warnf("Topic %d: regular expression %s gave up on a text (too much backtracking)", topic.topicId(),
                        regex.pattern());
            }
        }
        return false;
    }

    /** Lower case, without accents: the form rules and texts are compared in. */
    static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Folded words separated by single spaces. */
    static String words(String s) {
        return NOT_WORD.matcher(fold(s)).replaceAll(" ").strip();
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Text that stops a regex after a number of character reads, so a pathological pattern cannot hang ingest. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final long[] left;

        BudgetedText(String text, long budget) {
            this(text, new long[] { budget });
        }

        private BudgetedText(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
