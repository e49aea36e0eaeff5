package dev.warta.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Which part of a page holds the article: a container a newsroom's CMS marks ({@code .side-article.txt-article}
 * on Tribunnews, a few other known ones), else the densest block of paragraph text, else JSON-LD
 * {@code articleBody}; and the "Artikel lain terkait" trailer when a page puts it outside the container.
 */
final class BodyLocator {

    /** Known article containers, most specific first. */
    private static final String CONTAINERS = String.join(", ",
            ".side-article.txt-article", ".txt-article", "[itemprop=articleBody]", ".read__content",
            ".detail__body-text", ".detail-text", ".article-content-body__item-content", ".entry-content",
            ".post-content", ".article-content", ".article-body", ".story-body");
    private static final String LD_NOTE = "the body is the page's JSON-LD articleBody (plain text, without links)";

    private BodyLocator() {
    }

    /** A place a page's article text can be read from. */
    sealed interface Source {
    }

    /** An element of the page that holds the article (not yet cleaned). */
    record Markup(Element container) implements Source {
    }

    /** JSON-LD's {@code articleBody}, lines for paragraphs; {@code note} tells the editor so, or is null. */
    record PlainBody(String text, String note) implements Source {
    }

    /** The places to read the body from, most reliable first; the builder takes the next when one gives nothing. */
    static List<Source> locate(Document doc, Optional<JsonLd> ld) {
        Element container = doc.selectFirst(CONTAINERS);
        Element markup = container != null ? container : densest(doc);
        Optional<String> articleBody = ld.flatMap(JsonLd::articleBody);
        int markupLength = markup == null ? 0 : markup.text().length();
        if (container == null && articleBody.isPresent() && markupLength < articleBody.get().strip().length() * 6 / 10) {
            // A page its scripts fill in: JSON-LD holds more of the article than any block of its markup.
            return List.of(new PlainBody(articleBody.get(), LD_NOTE));
        }
        List<Source> sources = new ArrayList<>();
        if (markup != null) {
            sources.add(new Markup(markup));
        }
        articleBody.ifPresent(text -> sources.add(new PlainBody(text, null)));
        return sources;
    }

    /**
     * The element with the most paragraph text, counting only text that is not link text, so that a list of
     * headlines in a sidebar does not win over the article.
     */
    private static Element densest(Document doc) {
        Element best = null;
        int bestScore = 0;
        for (Element candidate : doc.body() == null ? List.<Element>of() : doc.body().select("*")) {
            if (candidate.closest("header, footer, nav, aside") != null || BodyCleaner.isJunk(candidate)) {
                continue;
            }
            int score = 0;
            for (Element child : candidate.children()) {
                if (child.normalName().equals("p")) {
                    int linkText = child.select("a").text().length();
                    score += Math.max(0, child.text().length() - 2 * linkText);
                }
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** The "Artikel lain terkait …" trailer's topic where a page puts it outside the article container. */
    static Optional<String> trailerOutside(Document doc) {
        for (Element e : doc.getElementsMatchingOwnText("(?i)artikel\\s+lain\\s+terkait")) {
            Element block = e;
            while (block.parent() != null && InlineCopy.isInline(block)) {
                block = block.parent();
            }
            String text = PlainText.spaces(block.text());
            if (text.length() < 200 && NewsroomMarkers.classify(text) instanceof NewsroomMarkers.Trailer t) {
                return Optional.ofNullable(t.topic());
            }
        }
        return Optional.empty();
    }
}
