package dev.warta.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import dev.warta.FeedFormat;
import dev.warta.SiteUrls;

/** OPML 2.0 list of every topic's Atom feed, for a reader to import and follow all topics at once. */
@ApplicationScoped
public class OpmlWriter {

    /** A topic as the list names it. */
    public record Outline(String slug, String label) {
    }

    public byte[] write(String title, String base, List<Outline> topics, Instant modified) {
        Element opml = new Element("opml").setAttribute("version", "2.0");
        Element head = new Element("head");
        head.addContent(new Element("title").setText(title));
        head.addContent(new Element("dateModified").setText(DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC))));
        // No <docs>: optional in OPML 2.0, and the W3C Feed Validation Service warns "Undefined head element" on it.
        opml.addContent(head);
        Element body = new Element("body");
        SiteUrls urls = SiteUrls.at(base);
        for (Outline topic : topics) {
            body.addContent(new Element("outline")
                    .setAttribute("type", "rss")
                    .setAttribute("text", topic.label())
                    .setAttribute("title", topic.label())
                    .setAttribute("xmlUrl", urls.feed(topic.slug(), FeedFormat.ATOM))
                    .setAttribute("htmlUrl", urls.topicPage(topic.slug()))
                    .setAttribute("language", FeedAssembler.LANGUAGE));
        }
        opml.addContent(body);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(new Document(opml), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
