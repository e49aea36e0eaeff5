package dev.warta.poll;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Generated feeds for tests that need many entries. */
public final class FeedFixtures {

    private FeedFixtures() {
    }

    /**
     * An RSS 2.0 feed of {@code count} items numbered from {@code first}, newest first, one hour apart
     * ending at 2022-12-19 10:00 UTC; links are {@code site + "artikel/" + n}.
     */
    public static byte[] rss(String title, String site, int count, int first) {
        return rss(title, site, count, first, Instant.parse("2022-12-19T10:00:00Z"), "");
    }

    public static byte[] rss(String title, String site, int count, int first, Instant newest, String extraItemsXml) {
        StringBuilder s = new StringBuilder(256 + count * 400);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>").append(title)
                .append("</title><link>").append(site).append("</link><description>").append(title).append("</description>\n");
        s.append(extraItemsXml);
        for (int i = 0; i < count; i++) {
            int n = first + count - 1 - i;
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(newest.minusSeconds(3600L * i).atOffset(ZoneOffset.UTC));
            s.append("<item><title>Berita nomor ").append(n).append(" dari ").append(title).append("</title><link>").append(site)
                    .append("artikel/").append(n).append("</link><guid>").append(site).append("artikel/").append(n)
                    .append("</guid><pubDate>").append(date).append("</pubDate><description>&lt;p&gt;Isi berita ").append(n)
                    .append(" tentang banyak hal.&lt;/p&gt;</description></item>\n");
        }
        s.append("</channel></rss>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
