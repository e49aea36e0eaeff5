package dev.warta.article;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import dev.warta.ProblemException;
import dev.warta.WartaConfig;
import dev.warta.topic.Slugs;

/**
 * Reads a {@code POST /api/articles} request into what {@link ArticleService} takes: the body within its size
 * limit, decoded by its charset, as the input its media type names, and the query parameters. Every fault is
 * a domain problem naming what is at fault.
 */
@ApplicationScoped
class ArticleRequests {

    /** The media types {@code POST /api/articles} takes, and what each means. */
    enum Form {
        TEXT("text/plain"), HTML("text/html"), JSON("application/json");

        final String mediaType;

        Form(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    static final List<String> ACCEPTED = List.of("text/plain; charset=utf-8", "text/html", "application/json");

    private final int maxBytes;
    private final int maxPageBytes;

    ArticleRequests(WartaConfig config) {
        this.maxBytes = config.ingest().maxArticleBytes();
        this.maxPageBytes = config.ingest().maxPageBytes();
    }

    /** A request as read: the article, what the submitter adds to it, and whether to store it. */
    record ArticleRequest(ArticleInput input, ArticleService.Overrides overrides, boolean dryRun) {
    }

    /**
     * Reads the request: what cannot be read at all first (media type, size), then the parameters, then the body.
     * {@code url} is the {@code ?url=} parameter (text and HTML only); any parameter may be null.
     */
    ArticleRequest read(byte[] body, String contentType, String url, String published, List<String> topics, String dryRun) {
        MediaType type = mediaType(contentType);
        Form form = formOf(type);
        byte[] bytes = body == null ? new byte[0] : body;
        int limit = form == Form.HTML ? maxPageBytes : maxBytes;
        if (bytes.length > limit) {
            throw ProblemException.tooLarge("the article is " + bytes.length + " bytes; at most " + limit + " are accepted ("
                    + (form == Form.HTML ? "warta.ingest.max-page-bytes" : "warta.ingest.max-article-bytes") + ")")
                    .with("limit", limit);
        }
        boolean dry = flag(dryRun, "dryRun");
        ArticleService.Overrides overrides = overrides(published, topics);
        URI address = addressOf(url, form);
        ArticleInput input = switch (form) {
            case TEXT -> new ArticleInput.Text(decode(bytes, charsetOf(type, StandardCharsets.UTF_8)), address);
            case HTML -> new ArticleInput.Html(bytes, charsetOf(type, null), address);
            case JSON -> new ArticleInput.Json(bytes);
        };
        return new ArticleRequest(input, overrides, dry);
    }

    /** {@code ?published=} and the {@code ?topic=}s. */
    private static ArticleService.Overrides overrides(String published, List<String> topics) {
        NewsDate at = parsePublished(published);
        List<String> extra = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).toList();
        for (String topic : extra) {
            if (Slugs.of(topic).isEmpty()) {
                throw ProblemException.invalid("invalid-parameter", "topic \"" + topic + "\" has no letters or digits")
                        .with("field", "topic");
            }
        }
        return at == null ? new ArticleService.Overrides(null, extra) : new ArticleService.Overrides(at.instant(), at.dayOnly(), extra);
    }

    private static boolean flag(String value, String name) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalid("invalid-parameter", name + " must be true or false")
                    .with("field", name);
        };
    }

    private static URI addressOf(String url, Form form) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (form == Form.JSON) {
            throw ProblemException.invalid("invalid-parameter",
                    "?url= is for text/plain and text/html; in JSON, send {\"url\": ...} to fetch a page or a \"url\" field")
                    .with("field", "url");
        }
        return PageUrls.normalize(url).map(URI::create).orElseThrow(() -> ProblemException.invalid("invalid-parameter",
                "url \"" + url + "\" is not an absolute http or https URL").with("field", "url"));
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("no Content-Type was sent");
        }
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("Content-Type \"" + contentType + "\" cannot be read");
        }
    }

    private static Form formOf(MediaType type) {
        if (!type.isWildcardType() && !type.isWildcardSubtype()) {
            String name = type.getType().toLowerCase(Locale.ROOT) + "/" + type.getSubtype().toLowerCase(Locale.ROOT);
            for (Form form : Form.values()) {
                if (form.mediaType.equals(name)) {
                    return form;
                }
            }
            if (name.equals("application/xhtml+xml")) {
                return Form.HTML;
            }
            if (name.equals("application/x-www-form-urlencoded")) {
                // What curl -d sends when no Content-Type is given, after stripping the file's line breaks.
                throw unsupported("Content-Type application/x-www-form-urlencoded is not accepted (curl -d sends it, "
                        + "and strips the file's line breaks: use --data-binary @file with -H 'Content-Type: text/plain; "
                        + "charset=utf-8')");
            }
        }
        throw unsupported("Content-Type " + type.getType() + "/" + type.getSubtype() + " is not accepted");
    }

    /** The declared charset, or {@code fallback} when none is declared. */
    private static Charset charsetOf(MediaType type, Charset fallback) {
        String name = type.getParameters().get("charset");
        if (name == null) {
            return fallback;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported("charset \"" + name + "\" is not supported");
        }
    }

    private static ProblemException unsupported(String detail) {
        return ProblemException.unsupported(
                detail + "; send text/plain; charset=utf-8 (newsroom text), text/html (the article page) or "
                        + "application/json").with("accepted", ACCEPTED);
    }

    private static String decode(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw ProblemException.invalid("invalid-encoding",
                    "the body is not valid " + charset.name() + ": malformed bytes at offset " + in.position())
                    .with("offset", in.position());
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("invalid-encoding", "the body is not valid " + charset.name());
        }
    }

    /** {@code ?published=}: a day ({@code 2022-12-19}, only a day) or a time, with an offset or in Jakarta. */
    private static NewsDate parsePublished(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return NewsDate.day(LocalDate.parse(v));
            }
            try {
                return NewsDate.at(OffsetDateTime.parse(v).toInstant());
            } catch (DateTimeException e) {
                return NewsDate.at(LocalDateTime.parse(v).atZone(ArticleTextParser.NEWSROOM_ZONE).toInstant());
            }
        } catch (DateTimeException e) {
            throw ProblemException.invalid("invalid-parameter",
                    "published \"" + value + "\" is not an ISO-8601 date or date-time (e.g. 2022-12-19T17:30:00+07:00)")
                    .with("field", "published");
        }
    }
}
