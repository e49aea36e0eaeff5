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
import org.xml.sax.InputSource;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;

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

    private static final Pattern NETSCAPE_RSS091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s*(\"[^\"<>\\[\\]]*\")?\\s*>");

    RomeDocument read(byte[] body, Optional<Charset> headerCharset, URI url) throws FeedReadException {
        byte[] xml = withoutNetscapeDoctype(body);
        try {
            return fast(xml, headerCharset, url);
        } catch (FeedException | IllegalArgumentException | JDOMException | IOException fast) {
            if (isDoctype(fast)) {
                throw doctype(fast);
            }
            return healed(xml, headerCharset, fast);
        }
    }

    private static RomeDocument fast(byte[] xml, Optional<Charset> headerCharset, URI url)
            throws FeedException, JDOMException, IOException {
        InputSource source = new InputSource(new ByteArrayInputStream(xml));
        if (headerCharset.isPresent() && !hasBom(xml)) {
            // RFC 7303: without a BOM, the charset of the HTTP header wins over the XML declaration.
            source.setEncoding(headerCharset.get().name());
        }
        source.setSystemId(url.toString());
        Document document = SecureBuilder.read(source);
        List<StatedDates> dates = EntryDates.extract(document);
        SyndFeed feed = input().build(document);
        if (!dates.isEmpty() && dates.size() != feed.getEntries().size()) {
            // Rome saw the entries differently: let it read the document whole, dates included.
            return new RomeDocument(input().build(SecureBuilder.read(new InputSource(new ByteArrayInputStream(xml)))), List.of());
        }
        return new RomeDocument(feed, dates);
    }

    private static RomeDocument healed(byte[] xml, Optional<Charset> headerCharset, Exception fast) throws FeedReadException {
        try {
            return new RomeDocument(input().build(new StringReader(decodeLeniently(xml, headerCharset))), List.of());
        } catch (FeedException | IllegalArgumentException | IOException healed) {
            if (isDoctype(healed)) {
                throw doctype(healed);
            }
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "not a readable RSS or Atom feed: " + describe(fast), List.of(), fast);
        }
    }

    /** Rome's own SAX set-up (DOCTYPEs refused, no external entities), used to read the bytes into JDOM. */
    private static final class SecureBuilder extends WireFeedInput {
        private static final ThreadLocal<SecureBuilder> INSTANCE = ThreadLocal.withInitial(SecureBuilder::new);

        private SecureBuilder() {
            super(false, Locale.US);
            setAllowDoctypes(false);
        }

        static Document read(InputSource source) throws JDOMException, IOException {
            return INSTANCE.get().createSAXBuilder().build(source);
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
