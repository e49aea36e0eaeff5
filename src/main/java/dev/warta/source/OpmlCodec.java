package dev.warta.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.located.LocatedElement;
import org.jdom2.located.LocatedJDOMFactory;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * OPML 2.0 subscription lists. Reading: every outline with an {@code xmlUrl} is a source; the texts of the
 * outlines it is nested in are its topics (and so is each {@code category} entry). Writing: one outline per
 * topic holding its sources, and sources without topics at the top. No DOCTYPE is read.
 */
public final class OpmlCodec {

    /**
     * One subscription read from OPML, with where it stood: {@code line} of its tag and {@code position}, its
     * place among the document's outlines that have an {@code xmlUrl} (1 for the first), so that a problem can
     * name the outline even in an OPML written on one line.
     */
    public record OpmlSource(String url, String title, String siteUrl, List<String> topics, int line, int position) {
    }

    /** A source as it is exported. */
    public record Subscription(String url, String title, String siteUrl, List<String> topics) {
    }

    /** Folders in folders deeper than this are no subscription list a reader wrote (and would exhaust the stack). */
    static final int MAX_DEPTH = 64;

    private OpmlCodec() {
    }

    public static List<OpmlSource> read(byte[] xml) throws OpmlException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setExpandEntities(false);
        // Elements that know their line, so that an outline at fault can be named.
        builder.setJDOMFactory(new LocatedJDOMFactory());
        Document doc;
        try {
            doc = builder.build(new ByteArrayInputStream(xml));
        } catch (JDOMParseException e) {
            throw new OpmlException("not well-formed XML: " + e.getMessage(), e.getLineNumber());
        } catch (JDOMException e) {
            throw new OpmlException("not well-formed XML: " + e.getMessage(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element root = doc.getRootElement();
        if (!"opml".equals(root.getName()) || root.getChild("body") == null) {
            throw new OpmlException("not an OPML document (no <opml> with a <body>)", 0);
        }
        List<OpmlSource> sources = new ArrayList<>();
        walk(root.getChild("body"), new ArrayList<>(), sources);
        return sources;
    }

    private static void walk(Element parent, List<String> path, List<OpmlSource> out) throws OpmlException {
        if (path.size() > MAX_DEPTH) {
            throw new OpmlException("outlines are nested more than " + MAX_DEPTH + " deep", ((LocatedElement) parent).getLine());
        }
        for (Element outline : parent.getChildren("outline")) {
            String xmlUrl = attr(outline, "xmlUrl");
            String text = attr(outline, "text") != null ? attr(outline, "text") : attr(outline, "title");
            if (xmlUrl != null) {
                List<String> topics = new ArrayList<>(path);
                String category = attr(outline, "category");
                if (category != null) {
                    for (String c : category.split(",")) {
                        String topic = c.strip();
                        // OPML categories are slash-delimited paths; the last segment names the topic.
                        int slash = topic.lastIndexOf('/');
                        topic = slash >= 0 ? topic.substring(slash + 1).strip() : topic;
                        if (!topic.isEmpty() && !topics.contains(topic)) {
                            topics.add(topic);
                        }
                    }
                }
                String title = attr(outline, "title") != null ? attr(outline, "title") : text;
                out.add(new OpmlSource(xmlUrl, title, attr(outline, "htmlUrl"), topics, ((LocatedElement) outline).getLine(),
                        out.size() + 1));
            } else {
                List<String> inner = new ArrayList<>(path);
                if (text != null) {
                    inner.add(text);
                }
                walk(outline, inner, out);
            }
        }
    }

    public static byte[] write(String title, List<Subscription> subscriptions, Instant now) {
        Element opml = new Element("opml").setAttribute("version", "2.0");
        Element head = new Element("head");
        head.addContent(new Element("title").setText(title));
        head.addContent(new Element("dateCreated").setText(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC))));
        opml.addContent(head);
        Element body = new Element("body");
        Map<String, Element> byTopic = new LinkedHashMap<>();
        List<Element> loose = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.topics().isEmpty()) {
                loose.add(outline(s));
            }
            for (String topic : s.topics()) {
                byTopic.computeIfAbsent(topic, t -> new Element("outline").setAttribute("text", t).setAttribute("title", t))
                        .addContent(outline(s));
            }
        }
        byTopic.values().forEach(body::addContent);
        loose.forEach(body::addContent);
        opml.addContent(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(new Document(opml), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Element outline(Subscription s) {
        Element e = new Element("outline").setAttribute("type", "rss");
        String title = s.title() != null ? s.title() : s.url();
        e.setAttribute("text", title).setAttribute("title", title).setAttribute("xmlUrl", s.url());
        if (s.siteUrl() != null) {
            e.setAttribute("htmlUrl", s.siteUrl());
        }
        return e;
    }

    private static String attr(Element e, String name) {
        String v = e.getAttributeValue(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The document is not OPML Warta can read; {@code line} is 0 when unknown. */
    public static final class OpmlException extends Exception {
        private final int line;

        OpmlException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
