package dev.warta.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * A copy of a document without extension elements, for reading it again after one of Rome's extension parsers
 * threw on it. The core vocabularies (RSS, RDF, Atom, and XHTML for Atom's content) stay, and at first the
 * extensions Warta reads: Dublin Core,
 * {@code content:encoded} and the Media RSS elements that name an image.
 */
final class ExtensionElements {

    /** What a pruned copy keeps besides the core vocabularies, most first. */
    enum Keep {
        READ_BY_WARTA, NONE
    }

    private static final Set<String> CORE = Set.of("", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
            "http://backend.userland.com/rss2", FeedShape.RDF.getURI(), EntryDates.ATOM10.getURI(), EntryDates.ATOM03.getURI(),
            "http://www.w3.org/1999/xhtml");
    private static final Set<String> READ = Set.of(EntryDates.DC.getURI(), "http://purl.org/rss/1.0/modules/content/");
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final Set<String> MEDIA_READ = Set.of("content", "group", "thumbnail", "title", "description", "credit");

    private ExtensionElements() {
    }

    static Document pruned(Document document, Keep keep) {
        Document copy = document.clone();
        List<Element> pending = new ArrayList<>(List.of(copy.getRootElement()));
        while (!pending.isEmpty()) {
            Element e = pending.remove(pending.size() - 1);
            for (Element child : List.copyOf(e.getChildren())) {
                if (kept(child, keep)) {
                    pending.add(child);
                } else {
                    child.detach();
                }
            }
        }
        return copy;
    }

    private static boolean kept(Element e, Keep keep) {
        Namespace ns = e.getNamespace();
        if (CORE.contains(ns.getURI())) {
            return true;
        }
        return keep == Keep.READ_BY_WARTA
                && (READ.contains(ns.getURI()) || (MEDIA.equals(ns.getURI()) && MEDIA_READ.contains(e.getName())));
    }
}
