package dev.warta.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jdom2.Document;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import dev.warta.SiteUrls;

/** Shared by the Atom and RSS writers: Rome builds the document, JDOM serialises it as UTF-8. */
abstract class XmlFeedWriter {

    byte[] write(PublishedFeed feed) {
        try {
            Document document = new WireFeedOutput().outputJDom(toWireFeed(feed));
            // Browsers render the feed through Warta's XSLT as a readable page; readers ignore the PI.
            document.addContent(0, new ProcessingInstruction("xml-stylesheet",
                    "type=\"text/xsl\" href=\"" + SiteUrls.at(feed.baseUrl()).stylesheet() + "\""));
            adjust(document, feed);
            Format format = Format.getCompactFormat().setEncoding("UTF-8").setLineSeparator("\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            new XMLOutputter(format).output(document, out);
            return out.toByteArray();
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write feed " + feed.path(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    abstract WireFeed toWireFeed(PublishedFeed feed);

    /** Touches up what Rome's model cannot express (e.g. {@code xml:lang}); default: nothing. */
    void adjust(Document document, PublishedFeed feed) {
    }
}
