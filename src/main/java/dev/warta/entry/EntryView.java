package dev.warta.entry;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An entry as the API and the pages show it. {@code link} is where a reader goes: the article's own
 * address when known, else Warta's page for it ({@code page}). The byline's parts are written as fields of the
 * entry ({@code author}, {@code editor}, ...). {@code publishedDayOnly}: {@code published} is only a day (midnight
 * in Asia/Jakarta), to be shown as the day without a time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryView(
        long id,
        String kind,
        boolean stub,
        String title,
        String summary,
        @JsonUnwrapped Byline byline,
        Instant published,
        boolean publishedDayOnly,
        Instant updated,
        String link,
        String url,
        String page,
        List<TopicRef> topics,
        List<RelatedView> related,
        String contentHtml,
        String image,
        ImageDetails imageDetails,
        SourceRef source) {

    /**
     * What the source says of the lead image ({@code image} is its address); absent when it says nothing.
     * {@code caption} is Media RSS's description of the image, {@code credit} who made or owns it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageDetails(String type, Integer width, Integer height, String caption, String credit) {

        static ImageDetails of(Entry e) {
            if (e.imageUrl == null || (e.imageType == null && e.imageWidth == null && e.imageHeight == null
                    && e.imageCaption == null && e.imageCredit == null)) {
                return null;
            }
            return new ImageDetails(e.imageType, e.imageWidth, e.imageHeight, e.imageCaption, e.imageCredit);
        }
    }

    /** Where an aggregated entry came from; {@code id} is null once the source is deleted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceRef(Long id, String title, String feedUrl, String siteUrl) {
    }

    public record TopicRef(String slug, String label) {
    }

    /** A related article: the title the linking article gave it, and the entry that stands for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelatedView(String title, String url, Long entryId, String link) {
    }
}
