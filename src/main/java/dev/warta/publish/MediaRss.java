package dev.warta.publish;

import java.net.URI;
import java.net.URISyntaxException;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;

import dev.warta.LeadImage;

/**
 * An entry's lead image as Media RSS ({@code http://search.yahoo.com/mrss/}), for the Atom and the RSS writer alike:
 * one {@code media:content medium="image"} with the type and size when known, its caption
 * ({@code media:description type="plain"}) and credit ({@code media:credit}) inside it, and the same image as the
 * item's {@code media:thumbnail}, where readers that show a picture beside the title look. Rome's
 * {@code MediaModuleGenerator} writes it; attributes it has no value for are left out.
 */
final class MediaRss {

    /** Media RSS's own scheme for credit roles (EBU role codes); stated so that readers need not assume it. */
    static final String CREDIT_SCHEME = "urn:ebu";

    private MediaRss() {
    }

    /** The module for the entry's lead image, or null when it has none (or its address is not a URI). */
    static MediaEntryModule of(PublishedFeed.PublishedEntry entry) {
        LeadImage image = entry.image();
        URI url = uri(image);
        if (url == null) {
            return null;
        }
        MediaContent content = new MediaContent(new UrlReference(url));
        content.setMedium("image");
        content.setType(entry.knownImageType());
        content.setWidth(image.width());
        content.setHeight(image.height());
        Metadata about = new Metadata();
        if (image.caption() != null) {
            about.setDescription(image.caption());
            about.setDescriptionType("plain");
        }
        if (image.credit() != null) {
            about.setCredits(new Credit[] {new Credit(CREDIT_SCHEME, null, image.credit())});
        }
        content.setMetadata(about);

        Metadata item = new Metadata();
        item.setThumbnail(new Thumbnail[] {new Thumbnail(url, image.width(), image.height(), null)});
        MediaEntryModuleImpl module = new MediaEntryModuleImpl();
        module.setMediaContents(new MediaContent[] {content});
        module.setMetadata(item);
        return module;
    }

    private static URI uri(LeadImage image) {
        if (image == null) {
            return null;
        }
        try {
            return new URI(image.url());
        } catch (URISyntaxException e) {
            // Stored addresses are absolute http(s) and resolve as URIs; one that does not is left without Media RSS.
            return null;
        }
    }
}
