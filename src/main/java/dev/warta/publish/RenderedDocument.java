package dev.warta.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * A document ready to send (a feed, a page, the OPML list): its bytes plain and gzip-compressed, a strong validator
 * for each, and the headers every answer carries. Built once per document and version; sent many times.
 *
 * @param version    the version of what it shows that it was rendered at ({@code feed_version}, an entry page's
 *                   {@code entry_version}, the sum of the topics' versions); see {@link RenderCache}
 * @param browserContentType what a browser is sent instead, so that it shows the XML through the XSLT
 *                   (Chromium shows {@code application/atom+xml} as plain text); null for the same
 * @param etag       hash of the bytes, from which each representation's validator is made
 * @param links      the {@code Link} header value: hubs, self and paging (null for none)
 */
public record RenderedDocument(
        long version,
        String contentType,
        String browserContentType,
        byte[] bytes,
        Buffer plain,
        Buffer gzip,
        String etag,
        Instant lastModified,
        String lastModifiedHeader,
        String links,
        String selfUrl,
        Wire wire) {

    /**
     * Header values ready for the wire (Netty {@code AsciiString}s, validated and encoded once rather than
     * for every response): a poll of an unchanged document only copies them.
     */
    record Wire(CharSequence[] etags, CharSequence lastModified, CharSequence links, CharSequence contentType,
            CharSequence browserContentType, CharSequence selfUrl) {

        /** Index into {@link #etags}: plain or gzip, own or browser media type. */
        static int variant(boolean gzip, boolean browser) {
            return (gzip ? 1 : 0) + (browser ? 2 : 0);
        }
    }

    public static RenderedDocument of(long version, String contentType, String browserContentType, byte[] bytes,
            Instant lastModified, String links, String selfUrl) {
        byte[] gzipped = gzip(bytes);
        String hash = hash(bytes);
        Instant lm = lastModified.getEpochSecond() < 0 ? Instant.EPOCH : Instant.ofEpochSecond(lastModified.getEpochSecond());
        String lastModifiedHeader = HttpValidators.formatDate(lm);
        RenderedDocument doc = new RenderedDocument(version, contentType, browserContentType, bytes, direct(bytes),
                direct(gzipped), hash, lm, lastModifiedHeader, links, selfUrl, null);
        CharSequence[] etags = new CharSequence[4];
        for (boolean gzip : new boolean[] { false, true }) {
            for (boolean browser : new boolean[] { false, true }) {
                etags[Wire.variant(gzip, browser)] = ascii(doc.etag(gzip, browser));
            }
        }
        Wire wire = new Wire(etags, ascii(lastModifiedHeader), ascii(links), ascii(contentType), ascii(browserContentType),
                ascii(selfUrl));
        return new RenderedDocument(version, contentType, browserContentType, bytes, doc.plain(), doc.gzip(), hash, lm,
                lastModifiedHeader, links, selfUrl, wire);
    }

    private static CharSequence ascii(String value) {
        return value == null ? null : io.vertx.core.http.HttpHeaders.createOptimized(value);
    }

    /**
     * The strong validator of one representation: the bytes, gzip or not, and the media type they are sent
     * as (a browser gets the same XML as {@code application/xml}, see {@link #browserContentType}).
     */
    String etag(boolean gzip, boolean browser) {
        return "\"" + etag + (browser && browserContentType != null ? "-x" : "") + (gzip ? "-gzip" : "") + "\"";
    }

    /** Bytes held: what the cache is bounded by. */
    int weight() {
        return bytes.length + gzip.length() + plain.length() + 512;
    }

    /**
     * Off-heap, so the transport writes it to the socket without first copying it out of the heap; never
     * released, Vert.x writes duplicates of it. (Measured: with the epoll transport this beats sendfile(2)
     * of a cached file, whose per-request open and stat calls cost more than the copy they save.)
     */
    private static Buffer direct(byte[] bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes)));
    }

    /** A strong validator of the exact bytes: the same content gives the same tag in every process. */
    static String hash(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(dev.warta.Digests.sha256(bytes)).substring(0, 27);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String linkHeader(List<PublishedFeed.NavigationLink> links) {
        StringBuilder s = new StringBuilder();
        for (PublishedFeed.NavigationLink link : links) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append('<').append(link.href()).append(">; rel=\"").append(link.rel()).append('"');
            if (link.rel().equals("alternate") && link.type() != null) {
                s.append("; type=\"").append(link.type()).append('"');
            }
        }
        return s.toString();
    }
}
