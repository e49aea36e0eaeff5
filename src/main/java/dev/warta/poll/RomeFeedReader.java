package dev.warta.poll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.xml.sax.InputSource;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;

import org.jboss.logging.Logger;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome. The fast path hands Rome the bytes through an
 * {@link InputSource}, so the XML parser finds the encoding from a BOM or the XML declaration (or the HTTP
 * header when there is no BOM), with the entry dates read beforehand by {@link EntryDates}. Only when that
 * fails is the document decoded by Rome's {@link XmlReader} and read through its healing reader, which mends
 * HTML entities such as {@code &nbsp;} and stray ampersands. DOCTYPEs are refused on both paths (Rome's
 * {@code allowDoctypes} stays off), so no entity is ever expanded and no external resource is loaded.
 */
final class RomeFeedReader {

    /** What Rome read, and the entry dates read before it ({@code dates} empty when Rome read them itself). */
    record RomeDocument(SyndFeed feed, List<StatedDates> dates) {

        StatedDates statedDates(int entry) {
            return dates.isEmpty() ? StatedDates.NONE : dates.get(entry);
        }
    }

    // Not io.quarkus.logging.Log: the reader also runs outside Quarkus (the reading benchmark, the corpus runner).
    private static final Logger LOG = Logger.getLogger(RomeFeedReader.class);

    private static final Pattern NETSCAPE_RSS091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s*(\"[^\"<>\\[\\]]*\")?\\s*>");

    RomeDocument read(byte[] body, Optional<Charset> headerCharset, URI url) throws FeedReadException {
        byte[] xml = withoutNetscapeDoctype(body);
        Document document = parse(xml, headerCharset, url);
        List<StatedDates> dates = EntryDates.extract(document);
        SyndFeed feed = build(document);
        if (!dates.isEmpty() && dates.size() != feed.getEntries().size()) {
            // Rome saw the entries differently: let it read the document whole, dates included.
            return new RomeDocument(build(parse(xml, headerCharset, url)), List.of());
        }
        return new RomeDocument(feed, dates);
    }

    /** The document as XML, in the shape Rome reads ({@link FeedShape}): the bytes first, then the healed text. */
    private static Document parse(byte[] xml, Optional<Charset> headerCharset, URI url) throws FeedReadException {
        Document document;
        try {
            document = SecureBuilder.read(fastSource(xml, headerCharset, url));
        } catch (JDOMException | IOException | RuntimeException fast) {
            if (isDoctype(fast)) {
                throw doctype(fast);
            }
            document = healed(xml, headerCharset, fast);
        }
        FeedShape.mend(document);
        return document;
    }

    private static InputSource fastSource(byte[] xml, Optional<Charset> headerCharset, URI url) {
        InputSource source = new InputSource(new ByteArrayInputStream(xml));
        if (headerCharset.isPresent() && !hasBom(xml)) {
            // RFC 7303: without a BOM, the charset of the HTTP header wins over the XML declaration.
            source.setEncoding(headerCharset.get().name());
        }
        source.setSystemId(url.toString());
        return source;
    }

    /** The text decoded leniently and passed through Rome's healing reader (HTML entities, stray ampersands). */
    private static Document healed(byte[] xml, Optional<Charset> headerCharset, Exception fast) throws FeedReadException {
        try {
            return SecureBuilder.read(new InputSource(new XmlFixerReader(new StringReader(decodeLeniently(xml, headerCharset)))));
        } catch (JDOMException | IOException | RuntimeException healed) {
            if (isDoctype(healed)) {
                throw doctype(healed);
            }
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "not a readable RSS or Atom feed: " + describe(fast), List.of(), fast);
        }
    }

    /**
     * Rome's reading of the document. Its extension parsers (Media RSS, iTunes, GeoRSS, ...) throw on some odd
     * markup (a {@code media:restriction} without type): then the document is read again without the extension
     * elements Warta does not read, and failing that without any, so that an item is not lost to an attribute.
     */
    private static SyndFeed build(Document document) throws FeedReadException {
        RuntimeException failure;
        try {
            return input().build(document);
        } catch (FeedException e) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "not a readable RSS or Atom feed: " + describe(e),
                    List.of(), e);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ExtensionElements.Keep keep : ExtensionElements.Keep.values()) {
            try {
                SyndFeed feed = input().build(ExtensionElements.pruned(document, keep));
                LOG.debugf(failure, "Rome failed on an extension element; read again keeping %s", keep);
                return feed;
            } catch (FeedException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw new FeedReadException(FeedReadException.Reason.MALFORMED, "Rome could not read this feed: " + describe(failure),
                List.of(), failure);
    }

    /** Rome's own SAX set-up (DOCTYPEs refused, no external entities), used to read the bytes into JDOM. */
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    static final int MAX_DEPTH = 256;

    private static final class SecureBuilder extends WireFeedInput {
        private static final ThreadLocal<SecureBuilder> INSTANCE = ThreadLocal.withInitial(SecureBuilder::new);

        private SecureBuilder() {
            super(false, Locale.US);
            setAllowDoctypes(false);
        }

        private final SAXBuilder builder = depthLimited(createSAXBuilder());

        static Document read(InputSource source) throws JDOMException, IOException {
            return INSTANCE.get().builder.build(source);
        }

        /** A bound on nesting, so that no later recursion over the tree (Rome's, Warta's) runs out of stack. */
        private static SAXBuilder depthLimited(SAXBuilder builder) {
            builder.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
            return builder;
        }
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput(false, Locale.US);
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        // The wire feed carries what the Synd model drops: xml:base, Atom 0.3's issued date.
        input.setPreserveWireFeed(true);
        return input;
    }

    /**
     * The text of a document the XML parser could not read as bytes: Rome's {@link XmlReader} picks the
     * charset (BOM, HTTP header, XML declaration); bytes that are not valid in it (a UTF-8 declaration over
     * windows-1252 text) are read as windows-1252, as browsers do.
     */
    private static String decodeLeniently(byte[] xml, Optional<Charset> headerCharset) throws IOException {
        String encoding;
        try (XmlReader reader = headerCharset.isPresent()
                ? new XmlReader(new ByteArrayInputStream(xml), "application/xml; charset=" + headerCharset.get().name(), true)
                : new XmlReader(new ByteArrayInputStream(xml), true)) {
            encoding = reader.getEncoding();
        }
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        try {
            return strict(charset, xml);
        } catch (CharacterCodingException e) {
            return new String(xml, Charset.forName("windows-1252"));
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        // The reader path does not skip a BOM by itself.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean hasBom(byte[] b) {
        return (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)
                || (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)));
    }

    /**
     * RSS 0.91 feeds carry Netscape's DOCTYPE, which declares nothing Warta needs. That one declaration
     * (without an internal subset) is blanked out so those feeds read; every other DOCTYPE is refused.
     */
    static byte[] withoutNetscapeDoctype(byte[] body) {
        int n = Math.min(body.length, 2048);
        String head = new String(body, 0, n, StandardCharsets.ISO_8859_1);
        Matcher m = NETSCAPE_RSS091_DOCTYPE.matcher(head);
        if (!m.find()) {
            return body;
        }
        byte[] copy = body.clone();
        for (int i = m.start(); i < m.end(); i++) {
            copy[i] = ' ';
        }
        return copy;
    }

    private static boolean isDoctype(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("DOCTYPE") || message.contains("disallow-doctype-decl"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static FeedReadException doctype(Exception e) {
        return new FeedReadException(FeedReadException.Reason.DOCTYPE,
                "the feed declares a DOCTYPE; Warta reads no DTDs and expands no entities", List.of(), e);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceFirst("^Invalid XML: ", "");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
