package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.NOW;
import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, reading ends in a feed or a {@link FeedReadException} (issue 12): random bytes, every fixture
 * mutated, and generated documents made of the elements and attributes feeds use, in any order and nesting. Seeded,
 * so a failure names a case that fails again. A document that only Warta's last-resort guard stops (reason
 * {@code INTERNAL}: an exception from Warta's own reading code) fails the test as a crash would.
 */
class FeedParserPropertyTest {

    private static final List<String> FIXTURES = List.of("rss20.xml", "rss20-entities.xml", "rss10.rdf", "rss091.xml",
            "rss092.xml", "atom03.xml", "atom10.xml", "feed10.json", "feed11.json", "windows-1252.xml", "iso-8859-1.xml",
            "bom.xml", "no-id-no-link.xml", "page.html", "malformed.xml", "odd/atom03-base64.xml", "odd/media-restriction.xml",
            "odd/rss-unknown-namespace.xml", "odd/rss-items-without-channel.xml", "odd/xml11.xml");
    private static final List<String> SNIPPETS = List.of("<", ">", "&", "&amp;", "&nbsp;", "]]>", "<![CDATA[", "<!--", "-->",
            "<channel>", "</channel>", "<item>", "</item>", "<entry>", "</entry>", "<rss version=\"2.0\">", "</rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<content mode=\"base64\">", "</content>",
            "<media:content url=\"\"/>", "<media:group>", "<enclosure/>", "<link/>", "<link>x</link>", "\u0000", "\uFFFE",
            "<?xml version=\"1.1\"?>", "<!DOCTYPE rss>", "xmlns:media=\"http://search.yahoo.com/mrss/\"", "\"", "'", "=",
            "{", "}", "[", "]", "\"items\":", "null", "<img src=x>", "<pubDate>", "</pubDate>", "mode=\"base64\"");
    private static final List<Optional<String>> MEDIA_TYPES = List.of(Optional.empty(), Optional.of("application/rss+xml"),
            Optional.of("text/html"), Optional.of("application/json"), Optional.of("text/plain"));
    private static final List<Optional<Charset>> CHARSETS = List.of(Optional.empty(), Optional.of(StandardCharsets.UTF_8),
            Optional.of(StandardCharsets.ISO_8859_1), Optional.of(StandardCharsets.UTF_16));

    private final FeedParser parser = new FeedParser();

    @Test
    void randomBytesAreReadOrRefused() {
        Random random = new Random(20240612L);
        for (int n = 0; n < 1000; n++) {
            byte[] body = new byte[random.nextInt(600)];
            random.nextBytes(body);
            if (n % 3 == 0 && body.length > 0) {
                body[0] = (byte) (n % 2 == 0 ? '<' : '{');
            }
            check(body, random, "random bytes #" + n);
        }
    }

    @Test
    void mutatedFixturesAreReadOrRefused() {
        Random random = new Random(20240613L);
        for (String name : FIXTURES) {
            byte[] original = fixture(name);
            for (int n = 0; n < 100; n++) {
                byte[] body = original;
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    body = mutate(body, random);
                }
                check(body, random, name + " mutation #" + n);
            }
        }
    }

    @Test
    void generatedFeedShapedDocumentsAreReadOrRefused() {
        Random random = new Random(20240614L);
        for (int n = 0; n < 2000; n++) {
            String xml = new FeedSoup(random).document();
            check(xml.getBytes(StandardCharsets.UTF_8), random, "generated document #" + n + ":\n" + xml);
        }
    }

    private void check(byte[] body, Random random, String what) {
        Optional<String> mediaType = MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size()));
        Optional<Charset> charset = CHARSETS.get(random.nextInt(CHARSETS.size()));
        try {
            ParsedFeed feed = parser.parse(body, charset, mediaType, URI.create("https://fuzz.example.com/feed"), NOW);
            assertThat(feed.items()).as(what).allSatisfy(i -> {
                assertThat(i.guid()).isNotBlank();
                assertThat(i.title()).isNotBlank();
                assertThat(i.publishedAt()).isBeforeOrEqualTo(NOW);
            });
        } catch (FeedReadException e) {
            assertThat(e.reason()).as(what + " was stopped by the last-resort guard: " + e.getCause())
                    .isNotEqualTo(FeedReadException.Reason.INTERNAL);
            assertThat(e.getMessage()).as(what).isNotBlank();
        } catch (RuntimeException | Error e) {
            fail(what + "\nthrew " + e, e);
        }
    }

    private static byte[] mutate(byte[] body, Random random) {
        if (body.length == 0) {
            return SNIPPETS.get(random.nextInt(SNIPPETS.size())).getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(body.length);
        int span = Math.min(body.length - at, 1 + random.nextInt(64));
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] copy = body.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1 -> {
                return concat(Arrays.copyOfRange(body, 0, at), Arrays.copyOfRange(body, at + span, body.length));
            }
            case 2 -> {
                return concat(Arrays.copyOfRange(body, 0, at + span), Arrays.copyOfRange(body, at, body.length));
            }
            case 3 -> {
                byte[] snippet = SNIPPETS.get(random.nextInt(SNIPPETS.size())).getBytes(StandardCharsets.UTF_8);
                return concat(concat(Arrays.copyOfRange(body, 0, at), snippet), Arrays.copyOfRange(body, at, body.length));
            }
            case 4 -> {
                return Arrays.copyOfRange(body, 0, at);
            }
            default -> {
                int other = random.nextInt(body.length);
                int otherSpan = Math.min(body.length - other, span);
                byte[] copy = body.clone();
                System.arraycopy(body, other, copy, at, Math.min(otherSpan, copy.length - at));
                return copy;
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Random documents from the vocabulary of RSS, RDF, Atom 0.3/1.0 and their usual extensions. */
    private static final class FeedSoup {
        private static final String NAMESPACES = " xmlns:media=\"http://search.yahoo.com/mrss/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:georss=\"http://www.georss.org/georss\""
                + " xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\" xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"";
        private static final List<String> ROOTS = List.of("<rss version=\"2.0\"%s>", "<rss version=\"0.91\"%s>", "<rss%s>",
                "<rss xmlns=\"http://backend.userland.com/rss\"%s>", "<feed xmlns=\"http://www.w3.org/2005/Atom\"%s>",
                "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"%s>", "<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\"%s>",
                "<rdf:RDF xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"%s>", "<feed%s>", "<channel%s>");
        private static final List<String> ELEMENTS = List.of("channel", "item", "entry", "title", "link", "description", "summary",
                "content", "guid", "pubDate", "published", "updated", "issued", "modified", "created", "id", "author", "name",
                "email", "category", "enclosure", "source", "image", "url", "comments", "media:content", "media:group",
                "media:thumbnail", "media:title", "media:description", "media:credit", "media:restriction", "media:player",
                "media:rating", "media:text", "media:embed", "media:price", "media:license", "media:location", "dc:title",
                "dc:creator", "dc:author", "dc:date", "dc:subject", "dc:description", "dcterms:issued", "dcterms:modified",
                "itunes:author", "itunes:summary", "itunes:duration", "itunes:image", "itunes:explicit", "content:encoded",
                "atom:link", "georss:point", "georss:polygon", "slash:comments", "rdf:li", "textInput", "items", "rdf:Seq");
        private static final List<String> ATTRIBUTES = List.of("href", "rel", "type", "mode", "url", "length", "width", "height",
                "medium", "isDefault", "relationship", "role", "scheme", "xml:base", "isPermaLink", "term", "label", "rdf:about",
                "rdf:resource", "version", "fileSize", "duration", "expression", "lang", "xml:lang", "domain", "text", "start");
        private static final List<String> VALUES = List.of("", " ", "x", "0", "-1", "99999999999999999999", "abc", "image/jpeg",
                "image", "text", "html", "xhtml", "base64", "escaped", "xml", "text/html", "application/octet-stream",
                "alternate", "enclosure", "self", "true", "false", "allow", "deny", "http://x.example/a.jpg", "/relative.png",
                "javascript:alert(1)", "data:image/png;base64,AAAA", "http://[::1", "ht tp://bad", "//host/x", "%zz",
                "Mon, 19 Dec 2022 10:00:00 +0700", "2022-12-19T10:00:00Z", "2022-13-45T99:99:99Z", "kemarin", "1 2 3",
                "PHA+YmFzZTY0PC9wPg==", "!!!!", "&lt;b&gt;tebal&lt;/b&gt;", "&amp;", "12.5", "1e9");

        private final Random random;
        private final StringBuilder out = new StringBuilder();

        FeedSoup(Random random) {
            this.random = random;
        }

        String document() {
            if (random.nextBoolean()) {
                out.append(random.nextInt(5) == 0 ? "<?xml version=\"1.1\"?>\n" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            }
            String root = ROOTS.get(random.nextInt(ROOTS.size()));
            out.append(String.format(root, NAMESPACES));
            children(0);
            out.append("</").append(root.substring(1).split("[ %]")[0]).append('>');
            return out.toString();
        }

        private void children(int depth) {
            int count = depth > 4 ? 0 : random.nextInt(depth == 0 ? 6 : 5);
            for (int i = 0; i < count; i++) {
                if (random.nextInt(4) == 0) {
                    out.append(text());
                    continue;
                }
                String name = ELEMENTS.get(random.nextInt(ELEMENTS.size()));
                out.append('<').append(name);
                int attributes = random.nextInt(4);
                List<String> used = new ArrayList<>();
                for (int a = 0; a < attributes; a++) {
                    String attribute = ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size()));
                    if (!used.contains(attribute)) {
                        used.add(attribute);
                        out.append(' ').append(attribute).append("=\"").append(VALUES.get(random.nextInt(VALUES.size()))).append('"');
                    }
                }
                if (random.nextInt(5) == 0) {
                    out.append("/>");
                    continue;
                }
                out.append('>');
                children(depth + 1);
                out.append("</").append(name).append('>');
            }
        }

        private String text() {
            return switch (random.nextInt(4)) {
                case 0 -> VALUES.get(random.nextInt(VALUES.size()));
                case 1 -> "<![CDATA[" + VALUES.get(random.nextInt(VALUES.size())) + "<p>isi</p>]]>";
                case 2 -> "\n    " + VALUES.get(random.nextInt(VALUES.size())) + "\n  ";
                default -> "Teks " + random.nextInt(1000);
            };
        }
    }
}
