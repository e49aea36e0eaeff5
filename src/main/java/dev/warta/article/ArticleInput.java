package dev.warta.article;

import java.net.URI;
import java.nio.charset.Charset;

/** An article as submitted, in one of the forms {@code POST /api/articles} and the editor page take. */
public sealed interface ArticleInput {

    /** The newsroom's plain-text format, decoded; {@code address} (may be null) is the article's URL. */
    record Text(String text, URI address) implements ArticleInput {
    }

    /** An article page; {@code charset} null lets the page say (BOM, meta charset); {@code address} may be null. */
    record Html(byte[] bytes, Charset charset, URI address) implements ArticleInput {
    }

    /** The page at this URL, fetched through the guarded fetcher. */
    record Url(URI url) implements ArticleInput {
    }

    /** {@code application/json}: either {@code {"url": …}} or a structured article. */
    record Json(byte[] bytes) implements ArticleInput {
    }
}
