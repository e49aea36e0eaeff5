package dev.warta.publish;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdom2.Document;
import org.jdom2.Namespace;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndPerson;

import dev.warta.FeedFormat;

/** Atom 1.0 (RFC 4287), written with Rome. */
@ApplicationScoped
public class AtomWriter extends XmlFeedWriter {

    @Override
    public byte[] write(PublishedFeed feed) {
        return super.write(feed);
    }

    @Override
    WireFeed toWireFeed(PublishedFeed published) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(published.id());
        feed.setTitleEx(text(published.title()));
        feed.setSubtitle(text(published.subtitle()));
        feed.setUpdated(Date.from(published.updated()));
        feed.setAuthors(List.of(person(published.authorName())));
        feed.setLanguage(published.language());
        Generator generator = new Generator();
        generator.setValue("Warta");
        generator.setUrl(published.baseUrl() + "/");
        feed.setGenerator(generator);

        feed.setAlternateLinks(List.of(link("alternate", published.htmlUrl(), "text/html", null)));
        List<Link> others = new ArrayList<>();
        // One alternate, the HTML page (RFC 4287 §4.2.7.2 allows one per type and language, but readers take any
        // alternate for the site); the other formats are in the Link header and on the pages.
        for (PublishedFeed.NavigationLink nav : published.navigation(FeedFormat.ATOM)) {
            others.add(link(nav.rel(), nav.href(), nav.type(), null));
        }
        feed.setOtherLinks(others);

        List<Entry> entries = new ArrayList<>();
        for (PublishedFeed.PublishedEntry e : published.entries()) {
            entries.add(entry(e));
        }
        feed.setEntries(entries);
        return feed;
    }

    private static Entry entry(PublishedFeed.PublishedEntry e) {
        Entry entry = new Entry();
        entry.setId(e.id());
        entry.setTitleEx(text(e.title()));
        entry.setPublished(Date.from(e.published()));
        entry.setUpdated(Date.from(e.updated()));
        entry.setAlternateLinks(List.of(link("alternate", e.link(), "text/html", null)));
        List<Link> related = new ArrayList<>();
        for (PublishedFeed.Related r : e.related()) {
            related.add(link("related", r.href(), "text/html", r.title()));
        }
        if (e.imageUrl() != null) {
            related.add(link("enclosure", e.imageUrl(), e.imageType(), null));
        }
        entry.setOtherLinks(related);
        if (e.author() != null) {
            entry.setAuthors(List.of(person(e.author())));
        }
        entry.setContributors(e.contributors().stream().<SyndPerson>map(AtomWriter::person).toList());
        List<Category> categories = new ArrayList<>();
        for (PublishedFeed.Category c : e.categories()) {
            Category category = new Category();
            category.setTerm(c.term());
            category.setLabel(c.label());
            category.setScheme(c.scheme());
            categories.add(category);
        }
        if (e.stub()) {
            Category kind = new Category();
            kind.setTerm(PublishedFeed.PublishedEntry.RELATED_TERM);
            kind.setLabel(PublishedFeed.PublishedEntry.RELATED_LABEL);
            kind.setScheme(PublishedFeed.PublishedEntry.RELATED_SCHEME);
            categories.add(kind);
        }
        entry.setCategories(categories);
        if (e.feedSummary() != null) {
            entry.setSummary(text(e.feedSummary()));
        }
        if (e.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(e.contentHtml());
            entry.setContents(List.of(content));
        }
        if (e.source() != null) {
            entry.setSource(source(e.source()));
        }
        Module media = MediaRss.of(e);
        if (media != null) {
            entry.setModules(new ArrayList<>(List.of(media)));
        }
        return entry;
    }

    /** RFC 4287 §4.2.11: the upstream feed's id, title and links, so the entry's provenance travels with it. */
    private static Feed source(PublishedFeed.PublishedSource s) {
        Feed source = new Feed("atom_1.0");
        source.setId(s.id());
        if (s.title() != null) {
            source.setTitleEx(text(s.title()));
        }
        if (s.siteUrl() != null) {
            source.setAlternateLinks(List.of(link("alternate", s.siteUrl(), "text/html", null)));
        }
        source.setOtherLinks(List.of(link("self", s.feedUrl(), null, null)));
        return source;
    }

    @Override
    void adjust(Document document, PublishedFeed feed) {
        document.getRootElement().setAttribute("lang", feed.language(), Namespace.XML_NAMESPACE);
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Person person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static Link link(String rel, String href, String type, String title) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        if (title != null) {
            link.setTitle(title);
        }
        return link;
    }
}
