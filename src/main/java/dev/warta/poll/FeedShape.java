package dev.warta.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What Rome's parsers take for granted, checked and mended in the parsed document before they see it. Rome
 * dereferences an {@code rss} element's channel without asking whether there is one, looks for RSS elements only
 * outside any namespace, and decodes Atom's base64 text with a decoder that fails on line breaks; those documents
 * threw a {@code NullPointerException} or {@code ArrayIndexOutOfBoundsException} instead of being read or refused.
 * Here a document is either made into what Rome reads as its peers read it (feedparser finds items outside a
 * channel, RSS in any namespace, base64 text decoded), or refused with the reason.
 */
final class FeedShape {

    static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    /** The namespace Rome's {@code RSS20wNSParser} reads RSS 2.0 in; every other one on {@code rss} is renamed away. */
    private static final String RSS2_USERLAND = "http://backend.userland.com/rss2";
    private static final List<String> SCHEDULE_HINTS = List.of("skipHours", "skipDays", "cloud");
    private static final List<String> TEXT_CONSTRUCTS = List.of("title", "subtitle", "tagline", "summary", "content", "rights",
            "copyright", "info");

    private FeedShape() {
    }

    static void mend(Document document) throws FeedReadException {
        Element root = document.getRootElement();
        switch (root.getName()) {
            case "rss" -> rss(root);
            case "RDF" -> rdf(root);
            case "feed" -> atom(root);
            default -> throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "the document's root element <" + root.getQualifiedName() + "> is not <rss>, <rdf:RDF> or Atom's <feed>");
        }
    }

    private static void rss(Element root) throws FeedReadException {
        Namespace own = root.getNamespace();
        if (own != Namespace.NO_NAMESPACE && !RSS2_USERLAND.equals(own.getURI())) {
            withoutNamespace(root, own);
        }
        Namespace ns = root.getNamespace();
        Element existing = root.getChild("channel", ns);
        if (existing != null) {
            withoutScheduleHints(existing, ns);
            return;
        }
        if (root.getChildren("item", ns).isEmpty()) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "an <rss> document without <channel>: it names no feed and holds no items");
        }
        // Items straight under <rss>: what stands there is the channel's.
        Element channel = new Element("channel", ns);
        List<Content> content = new ArrayList<>(root.getContent());
        root.removeContent();
        channel.addContent(content);
        root.addContent(channel);
        withoutScheduleHints(channel, ns);
    }

    /**
     * Rome reads {@code skipHours}, {@code skipDays} and {@code cloud} strictly and refuses the whole feed over an
     * hour of 25 or a port of "a"; Warta uses none of them (it schedules polls by itself), so they go.
     */
    private static void withoutScheduleHints(Element channel, Namespace ns) {
        for (String name : SCHEDULE_HINTS) {
            channel.removeChildren(name, ns);
        }
    }

    private static void rdf(Element root) throws FeedReadException {
        if (!RDF.equals(root.getNamespace())) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "a <" + root.getQualifiedName() + "> root outside the RDF namespace is not RSS 1.0");
        }
        for (Namespace ns : List.of(EntryDates.RSS10, EntryDates.RSS090)) {
            if (root.getChild("channel", ns) != null) {
                return;
            }
            if (!root.getChildren("item", ns).isEmpty()) {
                root.addContent(0, new Element("channel", ns));
                return;
            }
        }
        throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                "an <rdf:RDF> document without an RSS 1.0 or 0.90 <channel> or <item>");
    }

    private static void atom(Element root) {
        Namespace ns = root.getNamespace();
        if (!EntryDates.ATOM10.equals(ns) && !EntryDates.ATOM03.equals(ns)) {
            // <feed> outside Atom's namespaces: read as the version it states.
            Namespace atom = "0.3".equals(root.getAttributeValue("version")) ? EntryDates.ATOM03 : EntryDates.ATOM10;
            renamespace(root, ns, atom);
            ns = atom;
        }
        boolean atom03 = EntryDates.ATOM03.equals(ns);
        mendTextConstructs(root, ns, atom03);
        for (Element entry : root.getChildren("entry", ns)) {
            mendTextConstructs(entry, ns, atom03);
            for (Element link : entry.getChildren("link", ns)) {
                // <link>address</link> instead of href: the address is meant.
                if (link.getAttribute("href") == null && !link.getTextTrim().isEmpty()) {
                    link.setAttribute("href", link.getTextTrim());
                }
            }
        }
    }

    /** Base64 text (Atom 0.3's {@code mode="base64"}, Atom 1.0's non-text media types) becomes the text it encodes. */
    private static void mendTextConstructs(Element parent, Namespace ns, boolean atom03) {
        for (String name : TEXT_CONSTRUCTS) {
            for (Element e : List.copyOf(parent.getChildren(name, ns))) {
                if (atom03 ? "base64".equalsIgnoreCase(e.getAttributeValue("mode")) : isBase64Type(e.getAttributeValue("type"))) {
                    String text = Base64Text.decode(e.getText());
                    if (text == null) {
                        e.detach(); // binary, or not base64 at all: nothing Warta can show
                    } else if (atom03) {
                        e.setText(text);
                        e.setAttribute("mode", "escaped");
                    } else {
                        e.setText(text);
                        e.setAttribute("type", "html");
                    }
                }
            }
        }
    }

    /** RFC 4287 §4.1.3.3: content of a media type that is neither XML nor text/* is base64. */
    private static boolean isBase64Type(String type) {
        if (type == null || type.indexOf('/') < 0) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return !t.startsWith("text/") && !t.endsWith("/xml") && !t.endsWith("+xml");
    }

    private static void withoutNamespace(Element root, Namespace ns) {
        renamespace(root, ns, Namespace.NO_NAMESPACE);
    }

    /** Moves {@code root} and every element below it that is in {@code from} into {@code to}. */
    private static void renamespace(Element root, Namespace from, Namespace to) {
        List<Element> pending = new ArrayList<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            Element e = pending.remove(pending.size() - 1);
            if (from.equals(e.getNamespace())) {
                e.setNamespace(to);
            }
            pending.addAll(e.getChildren());
        }
    }
}
