package dev.warta.poll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;

import dev.warta.ingest.ItemDraft;

/**
 * Reads an upstream document into a {@link ParsedFeed}: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome, JSON
 * Feed 1.0/1.1 with Jackson. Rome first reads the bytes through an {@link InputSource}, so the XML parser
 * finds the encoding from a BOM or the XML declaration (or the HTTP header when there is no BOM); only when
 * that fails is the document decoded by Rome's {@link XmlReader} and read through its healing reader, which
 * mends HTML entities such as {@code &nbsp;} and stray ampersands. DOCTYPEs are refused on both paths (Rome's
 * {@code allowDoctypes} stays off), so no entity is ever expanded and no external resource is loaded.
 *
 * <p>Plain class, no CDI: it is used by the poller and by the reading benchmark alike. Thread-safe.
 */
public final class FeedParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUMMARY_CHARS = 600;
    private static final Pattern NETSCAPE_RSS091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s*(\"[^\"<>\\[\\]]*\")?\\s*>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|noscript|template)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|figure|figcaption|hr|section|article)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    /**
     * @param body          the document's bytes, decompressed
     * @param headerCharset the charset of the HTTP {@code Content-Type}, if any
     * @param mediaType     the HTTP media type without parameters, if any
     * @param url           the address the document was fetched from (base of relative links)
     * @param now           the fetch time: date of undated items, cap of future dates
     */
    public ParsedFeed parse(byte[] body, Optional<Charset> headerCharset, Optional<String> mediaType, URI url, Instant now)
            throws FeedReadException {
        int start = firstSignificant(body);
        if (start >= body.length) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "the document is empty");
        }
        // The body decides, not the media type: servers send feeds as text/html or text/plain all the time.
        String type = mediaType.orElse("");
        if (body[start] == '{' || (type.endsWith("json") && body[start] != '<')) {
            return parseJson(body, url, now);
        }
        if (looksLikeHtml(body, start) || ((type.equals("text/html") || type.equals("application/xhtml+xml"))
                && !looksLikeFeed(body, start))) {
            throw htmlPage(body, headerCharset, url);
        }
        return parseXml(body, headerCharset, url, now);
    }

    // ---- XML (RSS, Atom) ----

    private ParsedFeed parseXml(byte[] body, Optional<Charset> headerCharset, URI url, Instant now) throws FeedReadException {
        byte[] xml = withoutNetscapeDoctype(body);
        SyndFeed feed;
        List<Instant[]> dates = null;
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(xml));
            if (headerCharset.isPresent() && !hasBom(xml)) {
                // RFC 7303: without a BOM, the charset of the HTTP header wins over the XML declaration.
                source.setEncoding(headerCharset.get().name());
            }
            source.setSystemId(url.toString());
            Document document = SecureBuilder.read(source);
            dates = EntryDates.extract(document);
            feed = input().build(document);
            if (dates != null && dates.size() != feed.getEntries().size()) {
                // Rome saw the entries differently: let it read the document whole, dates included.
                dates = null;
                feed = input().build(SecureBuilder.read(new InputSource(new ByteArrayInputStream(xml))));
            }
        } catch (FeedException | IllegalArgumentException | JDOMException | IOException fast) {
            dates = null;
            if (isDoctype(fast)) {
                throw doctype(fast);
            }
            try {
                feed = input().build(new StringReader(decodeLeniently(xml, headerCharset)));
            } catch (FeedException | IllegalArgumentException | IOException healed) {
                if (isDoctype(healed)) {
                    throw doctype(healed);
                }
                throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                        "not a readable RSS or Atom feed: " + describe(fast), List.of(), fast);
            }
        }
        return fromSynd(feed, dates, url, now);
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

    private static ParsedFeed fromSynd(SyndFeed feed, List<Instant[]> dates, URI url, Instant now) {
        // Atom's xml:base on the feed and on each entry; Rome leaves relative hrefs as they are.
        URI base = url;
        Feed atom = feed.originalWireFeed() instanceof Feed f ? f : null;
        if (atom != null && atom.getXmlBase() != null) {
            base = resolve(base, atom.getXmlBase());
        }
        String siteUrl = absolute(firstNonBlank(alternate(feed.getLinks()), feed.getLink()), base);
        List<ItemDraft> items = new ArrayList<>(feed.getEntries().size());
        for (int index = 0; index < feed.getEntries().size(); index++) {
            SyndEntry entry = feed.getEntries().get(index);
            URI entryBase = base;
            Instant statedPublished = instant(entry.getPublishedDate());
            Instant statedUpdated = instant(entry.getUpdatedDate());
            if (dates != null) {
                Instant[] read = dates.get(index);
                statedPublished = read[0] != null ? read[0] : statedPublished;
                statedUpdated = read[1] != null ? read[1] : statedUpdated;
            }
            if (entry.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry wire) {
                if (wire.getXmlBase() != null) {
                    entryBase = resolve(base, wire.getXmlBase());
                }
                if ("atom_0.3".equals(feed.getFeedType()) && wire.getIssued() != null && (dates == null || dates.get(index)[0] == null)) {
                    statedPublished = wire.getIssued().toInstant();
                    statedUpdated = instant(wire.getModified());
                }
            }
            String rawLink = firstNonBlank(alternate(entry.getLinks()), entry.getLink());
            String link = absolute(rawLink, entryBase);
            String title = plainTitle(entry.getTitleEx() != null ? entry.getTitleEx().getValue() : entry.getTitle());
            String contentHtml = null;
            for (SyndContent content : entry.getContents()) {
                if (content.getValue() != null && !content.getValue().isBlank()) {
                    contentHtml = asHtml(content);
                    break;
                }
            }
            SyndContent description = entry.getDescription();
            String summary = null;
            if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
                String descriptionHtml = asHtml(description);
                summary = summary(descriptionHtml);
                if (contentHtml == null && descriptionHtml.indexOf('<') >= 0) {
                    contentHtml = descriptionHtml;
                }
            }
            if (summary == null && contentHtml != null) {
                summary = summary(contentHtml);
            }
            List<String> categories = new ArrayList<>();
            for (SyndCategory category : entry.getCategories()) {
                if (category.getName() != null && !category.getName().isBlank()) {
                    categories.add(category.getName().strip());
                }
            }
            if (categories.isEmpty() && entry.getModule(DCModule.URI) instanceof DCModule dc) {
                for (DCSubject subject : dc.getSubjects()) {
                    if (subject.getValue() != null && !subject.getValue().isBlank()) {
                        categories.add(subject.getValue().strip());
                    }
                }
            }
            String author = firstNonBlank(entry.getAuthor(), entry.getAuthors().stream()
                    .map(SyndPerson::getName).filter(n -> n != null && !n.isBlank()).findFirst().orElse(null));
            // Rome gives an RSS item without guid its link as id; the id is then the resolved link.
            String id = entry.getUri() != null && entry.getUri().equals(rawLink) ? link : entry.getUri();
            items.add(item(id, title, link, summary, contentHtml, author, statedPublished, statedUpdated, categories, now));
        }
        return new ParsedFeed(feed.getFeedType(), plainTitle(feed.getTitle()), siteUrl, items);
    }

    private static URI resolve(URI base, String href) {
        try {
            return base.resolve(new URI(href.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return base;
        }
    }

    private static String alternate(List<SyndLink> links) {
        if (links == null) {
            return null;
        }
        for (SyndLink link : links) {
            if ((link.getRel() == null || "alternate".equals(link.getRel())) && link.getHref() != null) {
                return link.getHref();
            }
        }
        return null;
    }

    /** Text content becomes escaped HTML, so that one kind of value reaches ingest. */
    private static String asHtml(SyndContent content) {
        String type = content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return org.jsoup.nodes.Entities.escape(content.getValue());
        }
        return content.getValue();
    }

    // ---- JSON Feed ----

    private ParsedFeed parseJson(byte[] body, URI url, Instant now) throws FeedReadException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "not valid JSON: " + e.getOriginalMessage(), List.of(), e);
        } catch (IOException e) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "not valid JSON", List.of(), e);
        }
        String version = text(root, "version");
        if (root == null || !root.isObject() || version == null || !version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "JSON without a JSON Feed \"version\" (https://jsonfeed.org/version/1.1)");
        }
        JsonNode entries = root.path("items");
        if (!entries.isArray()) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "JSON Feed without an \"items\" array");
        }
        String format = "json_" + version.substring("https://jsonfeed.org/version/".length());
        URI base = url;
        List<ItemDraft> items = new ArrayList<>(entries.size());
        for (JsonNode item : entries) {
            if (!item.isObject()) {
                continue;
            }
            String link = absolute(firstNonBlank(text(item, "url"), text(item, "external_url")), base);
            String contentHtml = text(item, "content_html");
            if (contentHtml == null && text(item, "content_text") != null) {
                contentHtml = org.jsoup.nodes.Entities.escape(text(item, "content_text")).replace("\n", "<br>");
            }
            String summary = text(item, "summary");
            if (summary == null && contentHtml != null) {
                summary = summary(contentHtml);
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : item.path("tags")) {
                if (tag.isTextual() && !tag.asText().isBlank()) {
                    tags.add(tag.asText().strip());
                }
            }
            String author = null;
            for (JsonNode a : item.path("authors")) {
                author = text(a, "name");
                if (author != null) {
                    break;
                }
            }
            if (author == null) {
                author = text(item.path("author"), "name");
            }
            JsonNode id = item.get("id");
            String guid = id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
            items.add(item(guid, plainTitle(text(item, "title")), link, summary, contentHtml, author,
                    date(text(item, "date_published")), date(text(item, "date_modified")), tags, now));
        }
        return new ParsedFeed(format, plainTitle(text(root, "title")), absolute(text(root, "home_page_url"), url), items);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- items ----

    private static ItemDraft item(String upstreamId, String title, String link, String summary, String contentHtml,
            String author, Instant statedPublished, Instant statedUpdated, List<String> categories, Instant now) {
        Instant published = statedPublished != null ? statedPublished : statedUpdated != null ? statedUpdated : now;
        if (published.isAfter(now)) {
            published = now;
        }
        Instant updated = statedUpdated != null && statedUpdated.isAfter(published) ? statedUpdated : published;
        if (updated.isAfter(now)) {
            updated = now;
        }
        String guid = firstNonBlank(upstreamId, link);
        if (guid == null) {
            // Neither id nor link: the item is known by what it says. The stated date, not the fetch time,
            // so that the key is the same at every fetch.
            guid = "sha256:" + sha256(nullToEmpty(title) + '\u001f' + (statedPublished == null ? "" : statedPublished.toString())
                    + '\u001f' + nullToEmpty(contentHtml != null ? contentHtml : summary));
        }
        String shownTitle = title;
        if (shownTitle == null) {
            shownTitle = summary != null ? shorten(summary, 120) : link != null ? link : "(tanpa judul)";
        }
        return new ItemDraft(guid.strip(), shownTitle, link, summary, contentHtml, blankToNull(author), published, updated,
                categories);
    }

    /** Titles are plain text: markup some feeds put there is removed, entities decoded, spaces collapsed. */
    static String plainTitle(String title) {
        if (title == null) {
            return null;
        }
        String text = title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(title).text() : title;
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Plain text of an HTML fragment, for summaries. Not a sanitizer (summaries are text and escaped on
     * output): tags are dropped and entities decoded, far cheaper than building a DOM per entry.
     */
    static String summary(String html) {
        String text = html;
        if (text.indexOf('<') >= 0) {
            text = INVISIBLE.matcher(text).replaceAll(" ");
            text = BLOCK_TAG.matcher(text).replaceAll(" ");
            text = TAG.matcher(text).replaceAll("");
        }
        if (text.indexOf('&') >= 0) {
            text = Parser.unescapeEntities(text, false);
        }
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : shorten(text, SUMMARY_CHARS);
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    static String absolute(String href, URI base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip().replace(" ", "%20");
        try {
            URI uri = new URI(h);
            if (!uri.isAbsolute()) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    // ---- HTML pages and hostile documents ----

    private static FeedReadException htmlPage(byte[] body, Optional<Charset> headerCharset, URI url) {
        List<URI> alternates = Autodiscovery.feeds(body, headerCharset, url);
        String message = alternates.isEmpty()
                ? "an HTML page that advertises no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)"
                : "an HTML page; it advertises " + alternates.get(0);
        return new FeedReadException(FeedReadException.Reason.HTML_PAGE, message, alternates, null);
    }

    private static boolean looksLikeHtml(byte[] body, int start) {
        String head = new String(body, start, Math.min(512, body.length - start), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml")) {
            int end = head.indexOf("?>");
            head = end < 0 ? head : head.substring(end + 2).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static boolean looksLikeFeed(byte[] body, int start) {
        String head = new String(body, start, Math.min(1024, body.length - start), StandardCharsets.ISO_8859_1);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF") || head.contains("<RDF");
    }

    /** Index of the first byte that is not a BOM or white space. */
    private static int firstSignificant(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
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

    static String sha256(String s) {
        return dev.warta.Digests.sha256Hex(s);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
