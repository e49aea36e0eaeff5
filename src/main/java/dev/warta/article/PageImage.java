package dev.warta.article;

import java.net.URI;
import java.util.Optional;

import dev.warta.LeadImage;

/**
 * A page's lead image and what the page says of it. The address is {@code og:image} (or {@code twitter:image}), else
 * JSON-LD's {@code image}, else {@code link rel=image_src}. Its type, size and caption come from the Open Graph
 * properties beside it ({@code og:image:type}, {@code og:image:width}/{@code height}, {@code og:image:alt}), else from
 * the JSON-LD {@code ImageObject} of the same address ({@code encodingFormat}, {@code width}/{@code height},
 * {@code caption}); the credit from the ImageObject ({@code creditText}, else {@code copyrightHolder} or
 * {@code author}). An ImageObject of another image says nothing of this one.
 */
final class PageImage {

    private PageImage() {
    }

    static LeadImage read(PageMetadata meta, URI base) {
        Optional<JsonLd> ld = meta.ld();
        Optional<String> og = meta.meta("og:image", "og:image:url", "og:image:secure_url", "twitter:image")
                .flatMap(src -> PageUrls.resolve(base, src));
        String url = og.or(() -> ld.flatMap(j -> j.url("image")).flatMap(src -> PageUrls.resolve(base, src)))
                .or(() -> meta.link("image_src").flatMap(src -> PageUrls.resolve(base, src)))
                .orElse(null);
        if (url == null) {
            return null;
        }
        Optional<JsonLd> object = ld.flatMap(j -> j.thing("image"))
                .filter(o -> o.url("url").or(() -> o.url("contentUrl")).flatMap(src -> PageUrls.resolve(base, src))
                        .filter(url::equals).isPresent());
        // Open Graph's size and type describe og:image only.
        boolean fromOg = og.isPresent();
        String type = (fromOg ? meta.meta("og:image:type") : Optional.<String>empty())
                .or(() -> object.flatMap(o -> o.text("encodingFormat"))).filter(t -> t.startsWith("image/")).orElse(null);
        Integer width = (fromOg ? meta.meta("og:image:width").flatMap(PageImage::pixels) : Optional.<Integer>empty())
                .or(() -> object.flatMap(o -> size(o, "width"))).orElse(null);
        Integer height = (fromOg ? meta.meta("og:image:height").flatMap(PageImage::pixels) : Optional.<Integer>empty())
                .or(() -> object.flatMap(o -> size(o, "height"))).orElse(null);
        String caption = object.flatMap(o -> o.text("caption"))
                .or(() -> fromOg ? meta.meta("og:image:alt", "twitter:image:alt") : Optional.empty())
                .map(PlainText::spaces).orElse(null);
        String credit = object.flatMap(o -> o.text("creditText"))
                .or(() -> object.map(o -> o.names("copyrightHolder")).filter(l -> !l.isEmpty()).map(l -> String.join(", ", l)))
                .or(() -> object.map(o -> o.names("author")).filter(l -> !l.isEmpty()).map(l -> String.join(", ", l)))
                .map(PlainText::spaces).orElse(null);
        return new LeadImage(url, type, width, height, caption, credit);
    }

    /** A schema.org size: a number, a string of one ("800", "800px"), or a {@code QuantitativeValue}'s value. */
    private static Optional<Integer> size(JsonLd object, String field) {
        return object.text(field).or(() -> object.thing(field).flatMap(q -> q.text("value"))).flatMap(PageImage::pixels);
    }

    static Optional<Integer> pixels(String value) {
        String digits = value.strip().replaceFirst("(?i)\\s*px$", "");
        if (!digits.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n > 0 ? Optional.of(n) : Optional.empty();
    }
}
