package dev.warta.topic;

import org.tartarus.snowball.ext.IndonesianStemmer;

/**
 * Indonesian stems for {@code ~word} rules, with the Snowball algorithm PostgreSQL's {@code indonesian}
 * configuration (and so search) uses, so a rule and a search agree on which words belong together:
 * {@code serangan}, {@code diserang} and {@code menyerang} all stem to {@code serang}. Lucene ships that
 * algorithm as {@code org.tartarus.snowball.ext.IndonesianStemmer}; its {@code analysis.id.IndonesianStemmer}
 * is a different one (Tala) that strips other affixes. A stemmer keeps state: one per text, not shared.
 */
final class Stems {

    private final IndonesianStemmer stemmer = new IndonesianStemmer();

    /** The stem of a folded (lower-case, unaccented) word. */
    String of(String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** The stems of folded words separated by single spaces, separated the same way. */
    String ofWords(String words) {
        StringBuilder stems = new StringBuilder(words.length());
        for (String word : words.split(" ")) {
            if (!word.isEmpty()) {
                stems.append(stems.length() == 0 ? "" : " ").append(of(word));
            }
        }
        return stems.toString();
    }
}
