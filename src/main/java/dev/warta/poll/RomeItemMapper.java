package dev.warta.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;

import dev.warta.ingest.ItemDraft;

/**
 * Maps what Rome read to a {@link ParsedFeed}: each entry's id, link (against Atom's {@code xml:base} or the
 * feed's address), title, content and summary, author, categories (or Dublin Core subjects) and dates.
 */
final class RomeItemMapper {

    private record Body(String contentHtml, String summary) {
    }

    ParsedFeed map(RomeFeedReader.RomeDocument document, URI url, Instant now) {
        SyndFeed feed = document.feed();
        // Atom's xml:base on the feed and on each entry; Rome leaves relative hrefs as they are.
        URI base = url;
        if (feed.originalWireFeed() instanceof Feed atom && atom.getXmlBase() != null) {
            base = resolve(base, atom.getXmlBase());
        }
        String siteUrl = DraftNormalizer.absolute(DraftNormalizer.firstNonBlank(alternate(feed.getLinks()), feed.getLink()), base);
        List<ItemDraft> items = new ArrayList<>(feed.getEntries().size());
        for (int index = 0; index < feed.getEntries().size(); index++) {
            items.add(DraftNormalizer.draft(raw(feed, feed.getEntries().get(index), document.statedDates(index), base), now));
        }
        return new ParsedFeed(feed.getFeedType(), DraftNormalizer.plainTitle(feed.getTitle()), siteUrl, items);
    }

    private static DraftNormalizer.RawItem raw(SyndFeed feed, SyndEntry entry, StatedDates read, URI base) {
        URI entryBase = base;
        StatedDates stated = read.or(new StatedDates(instant(entry.getPublishedDate()), instant(entry.getUpdatedDate())));
        if (entry.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry wire) {
            if (wire.getXmlBase() != null) {
                entryBase = resolve(base, wire.getXmlBase());
            }
            if ("atom_0.3".equals(feed.getFeedType()) && wire.getIssued() != null && read.published() == null) {
                stated = new StatedDates(wire.getIssued().toInstant(), instant(wire.getModified()));
            }
        }
        String rawLink = DraftNormalizer.firstNonBlank(alternate(entry.getLinks()), entry.getLink());
        String link = DraftNormalizer.absolute(rawLink, entryBase);
        String title = entry.getTitleEx() != null ? entry.getTitleEx().getValue() : entry.getTitle();
        if (title == null || title.isBlank()) {
            title = RomeExtensions.title(entry);
        }
        Body body = body(entry);
        String author = DraftNormalizer.firstNonBlank(entry.getAuthor(), entry.getAuthors().stream()
                .map(SyndPerson::getName).filter(n -> n != null && !n.isBlank()).findFirst().orElse(null));
        if (author == null) {
            author = RomeExtensions.author(entry);
        }
        // Rome gives an RSS item without guid its link as id; the id is then the resolved link.
        String id = entry.getUri() != null && entry.getUri().equals(rawLink) ? link : entry.getUri();
        return new DraftNormalizer.RawItem(id, title, link, body.summary(), body.contentHtml(), author, stated, categories(entry),
                ItemImages.lead(entry, entryBase, link != null ? URI.create(link) : entryBase, body.contentHtml()));
    }

    /** The first non-blank content is the content; the description is the summary, and the content when it is markup. */
    private static Body body(SyndEntry entry) {
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
            summary = DraftNormalizer.summary(descriptionHtml);
            if (contentHtml == null && descriptionHtml.indexOf('<') >= 0) {
                contentHtml = descriptionHtml;
            }
        }
        if (summary == null && contentHtml != null) {
            summary = DraftNormalizer.summary(contentHtml);
        }
        if (summary == null) {
            String extension = RomeExtensions.summary(entry);
            summary = extension == null ? null : DraftNormalizer.summary(extension);
        }
        return new Body(contentHtml, summary);
    }

    private static List<String> categories(SyndEntry entry) {
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
        return categories;
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

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
