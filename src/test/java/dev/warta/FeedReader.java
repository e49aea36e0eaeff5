package dev.warta;

import java.io.ByteArrayInputStream;

import org.xml.sax.InputSource;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;

/** Reads published feeds back with Rome, as a reader would. */
public final class FeedReader {

    private FeedReader() {
    }

    public static Feed atom(byte[] xml) {
        WireFeed feed = wire(xml);
        if (!(feed instanceof Feed atom) || !"atom_1.0".equals(feed.getFeedType())) {
            throw new AssertionError("not Atom 1.0 but " + feed.getFeedType());
        }
        return atom;
    }

    public static Channel rss(byte[] xml) {
        WireFeed feed = wire(xml);
        if (!(feed instanceof Channel rss) || !"rss_2.0".equals(feed.getFeedType())) {
            throw new AssertionError("not RSS 2.0 but " + feed.getFeedType());
        }
        return rss;
    }

    public static SyndFeed synd(byte[] xml) {
        try {
            return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("Rome cannot read the feed", e);
        }
    }

    private static WireFeed wire(byte[] xml) {
        try {
            return new WireFeedInput().build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("Rome cannot read the feed", e);
        }
    }
}
