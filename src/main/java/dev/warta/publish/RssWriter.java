package dev.warta.publish;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;


import org.jdom2.Namespace;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.rss.Source;

import dev.warta.FeedFormat;

/** RSS 2.0, written with Rome; {@code atom:link rel="self"} on the channel, {@code dc:creator} per item. */
@ApplicationScoped
public class RssWriter extends XmlFeedWriter {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    @Override
    public byte[] write(PublishedFeed feed) {
        return super.write(feed);
    }

    @Override
    WireFeed toWireFeed(PublishedFeed published) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(published.title());
        channel.setLink(published.htmlUrl());
        channel.setDescription(published.subtitle());
        channel.setLanguage(published.language());
        channel.setGenerator("Warta");
        channel.setLastBuildDate(Date.from(published.updated()));
        channel.setPubDate(Date.from(published.updated()));
        channel.setDocs("https://www.rssboard.org/rss-specification");

        List<org.jdom2.Element> foreign = new ArrayList<>();
        for (PublishedFeed.NavigationLink nav : published.navigation(FeedFormat.RSS)) {
            foreign.add(atomLink(nav.rel(), nav.href(), nav.type()));
        }
        channel.setForeignMarkup(foreign);

        List<Item> items = new ArrayList<>();
        for (PublishedFeed.PublishedEntry e : published.entries()) {
            items.add(item(e));
        }
        channel.setItems(items);
        return channel;
    }

    private static Item item(PublishedFeed.PublishedEntry e) {
        Item item = new Item();
        item.setTitle(e.title());
        item.setLink(e.link());
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(e.id());
        item.setGuid(guid);
        item.setPubDate(Date.from(e.published()));
        List<Category> categories = new ArrayList<>();
        for (PublishedFeed.Category c : e.categories()) {
            Category category = new Category();
            category.setDomain(c.scheme() + c.term());
            category.setValue(c.label());
            categories.add(category);
        }
        if (e.stub()) {
            Category kind = new Category();
            kind.setDomain(PublishedFeed.PublishedEntry.RELATED_SCHEME);
            kind.setValue(PublishedFeed.PublishedEntry.RELATED_TERM);
            categories.add(kind);
        }
        item.setCategories(categories);
        if (e.imageUrl() != null) {
            // RSS requires a length; 0 is the convention when it is unknown (Warta does not fetch the image).
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(e.imageUrl());
            enclosure.setType(e.imageType());
            enclosure.setLength(0);
            item.setEnclosures(List.of(enclosure));
        }
        if (e.source() != null) {
            // RSS 2.0 <source>: the channel an aggregated item came from.
            Source source = new Source();
            source.setUrl(e.source().feedUrl());
            source.setValue(e.source().title());
            item.setSource(source);
        }
        if (e.feedSummary() != null) {
            Description description = new Description();
            description.setType("text/plain");
            description.setValue(e.feedSummary());
            item.setDescription(description);
        }
        String html = contentWithRelated(e);
        if (html != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(html);
            item.setContent(content);
        }
        item.setModules(modules(e));
        return item;
    }

    /** {@code dc:creator} for the author, Media RSS for the lead image. */
    private static List<Module> modules(PublishedFeed.PublishedEntry e) {
        List<Module> modules = new ArrayList<>();
        if (e.author() != null) {
            DCModule dc = new DCModuleImpl();
            dc.setCreator(e.author());
            modules.add(dc);
        }
        Module media = MediaRss.of(e);
        if (media != null) {
            modules.add(media);
        }
        return modules;
    }

    /** RSS has no related links: the "Baca juga" list is appended to the HTML, as on the article page. */
    static String contentWithRelated(PublishedFeed.PublishedEntry e) {
        if (e.contentHtml() == null && e.related().isEmpty()) {
            return null;
        }
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        if (e.contentHtml() != null) {
            body.append(e.contentHtml());
        }
        if (!e.related().isEmpty()) {
            body.appendElement("h3").text("Baca juga");
            Element list = body.appendElement("ul");
            for (PublishedFeed.Related r : e.related()) {
                list.appendElement("li").appendElement("a").attr("href", r.href()).text(r.title());
            }
        }
        return body.html();
    }

    private static org.jdom2.Element atomLink(String rel, String href, String type) {
        org.jdom2.Element link = new org.jdom2.Element("link", ATOM);
        link.setAttribute("href", href);
        link.setAttribute("rel", rel);
        if (type != null) {
            link.setAttribute("type", type);
        }
        return link;
    }
}
