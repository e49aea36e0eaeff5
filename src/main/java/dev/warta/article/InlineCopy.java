package dev.warta.article;

import java.net.URI;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A block of the page as the body keeps it: text, absolute links, emphasis and line breaks, without the page's
 * attributes and wrappers. Also takes the dateline off the first paragraph, wherever its markup puts the dash.
 */
final class InlineCopy {

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "br", "cite", "code", "em", "font", "i",
            "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr");
    /** Blocks kept as they are; any other block becomes a paragraph. */
    private static final Set<String> KEPT = Set.of("p", "ul", "ol", "table", "pre", "dl", "blockquote");
    /** The dash that ends a dateline, not the one in "TRIBUN-TIMUR.COM". */
    private static final Pattern DATELINE_DASH = Pattern.compile("(?:^|\\s)[-–—]+\\s*|[-–—]+(?:\\s+|$)");

    private InlineCopy() {
    }

    static boolean isInline(Node node) {
        return node instanceof Element el && INLINE.contains(el.normalName());
    }

    /** A copy of {@code source} holding only text, links (absolute against {@code base}), emphasis and line breaks. */
    static Element of(Element source, URI base) {
        Element copy = new Element(KEPT.contains(source.normalName()) ? source.normalName() : "p");
        for (Node child : source.childNodes()) {
            copy.appendChild(child.clone());
        }
        for (Element e : copy.select("*")) {
            if (e != copy) {
                strip(e, base);
            }
        }
        return copy;
    }

    private static void strip(Element e, URI base) {
        switch (e.normalName()) {
            case "a" -> {
                Optional<String> href = PageUrls.resolve(base, e.attr("href"));
                e.clearAttributes();
                if (href.isPresent()) {
                    e.attr("href", href.get());
                } else {
                    e.unwrap();
                }
            }
            case "img" -> {
                Optional<String> src = imageSource(e, base);
                String alt = e.attr("alt");
                e.clearAttributes();
                if (src.isPresent()) {
                    e.attr("src", src.get()).attr("alt", alt);
                } else {
                    e.remove();
                }
            }
            case "span", "font", "time", "abbr", "div", "section" -> e.unwrap();
            default -> {
                String colspan = e.attr("colspan");
                e.clearAttributes();
                if (!colspan.isEmpty()) {
                    e.attr("colspan", colspan);
                }
            }
        }
    }

    /** A lazy-loaded image's address is in {@code data-src}. */
    static Optional<String> imageSource(Element img, URI base) {
        return PageUrls.resolve(base, img.hasAttr("data-src") ? img.attr("data-src") : img.attr("src"));
    }

    /** Removes "TRIBUNNEWS.COM, JAKARTA -" from the start of the first paragraph, wherever its markup puts the dash. */
    static boolean stripThroughDash(Element e) {
        for (Node n : new ArrayList<>(e.childNodes())) {
            if (n instanceof TextNode t) {
                String s = t.getWholeText();
                Matcher m = DATELINE_DASH.matcher(s);
                if (m.find()) {
                    t.text(s.substring(m.end()));
                    return true;
                }
                t.remove();
            } else if (n instanceof Element child) {
                if (DATELINE_DASH.matcher(child.text()).find() && stripThroughDash(child)) {
                    if (PlainText.spaces(child.text()).isEmpty()) {
                        child.remove();
                    }
                    trimLeading(e);
                    return true;
                }
                child.remove();
            }
        }
        return false;
    }

    private static void trimLeading(Element e) {
        if (e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode t) {
            t.text(t.getWholeText().stripLeading());
        }
    }
}
