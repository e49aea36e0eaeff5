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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.WartaConfig;
import dev.warta.entry.EntryView;
import dev.warta.entry.EntryViews;
import dev.warta.ingest.IngestResult;
import dev.warta.topic.Slugs;

@Path("/api/articles")
@Tag(name = "Articles")
@SecurityRequirement(name = "bearer")
public class ArticleResource {

    private final ArticleService articles;
    private final EntryViews views;
    private final PublicUrl publicUrl;
    private final int maxBytes;
    private final int maxPageBytes;

    ArticleResource(ArticleService articles, EntryViews views, PublicUrl publicUrl, WartaConfig config) {
        this.articles = articles;
        this.views = views;
        this.publicUrl = publicUrl;
        this.maxBytes = config.ingest().maxArticleBytes();
        this.maxPageBytes = config.ingest().maxPageBytes();
    }

    /** The media types {@code POST /api/articles} takes, and what each means. */
    enum Form {
        TEXT("text/plain"), HTML("text/html"), JSON("application/json");

        final String mediaType;

        Form(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    static final List<String> ACCEPTED = List.of("text/plain; charset=utf-8", "text/html", "application/json");

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article",
            description = "Takes an article as newsroom plain text (text/plain: headline, lede, Penulis/Editor, "
                    + "TRIBUNNEWS.COM dateline, paragraphs, 'Baca juga:' lines, credit, 'Artikel lain terkait' trailer), "
                    + "as its HTML page (text/html, with ?url= for the page's address; next pages of a multi-page "
                    + "article are fetched), or as JSON: {\"url\": ...} fetches the page, and {title, summary, contentHtml, "
                    + "author, editor, published, modified, url, image, topics: [], related: [{title, url}]} gives the "
                    + "fields directly. Returns 201 for a new article (or a filled stub), 200 when it was already "
                    + "stored; with ?dryRun=true, 200 and the article as read, storing nothing.")
    @RequestBody(content = {
            @Content(mediaType = "text/plain; charset=utf-8"),
            @Content(mediaType = "text/html"),
            @Content(mediaType = "application/json") })
    @APIResponse(responseCode = "201", description = "Stored as a new entry")
    @APIResponse(responseCode = "200", description = "Already stored (unchanged or updated), or the dry-run preview")
    @APIResponse(responseCode = "400", description = "Empty, no headline, bad JSON or field (named in 'field'), not UTF-8, or a bad parameter")
    @APIResponse(responseCode = "409", description = "The article's address and its title belong to two different entries")
    @APIResponse(responseCode = "413", description = "Larger than warta.ingest.max-article-bytes (max-page-bytes for HTML)")
    @APIResponse(responseCode = "415", description = "Not text/plain, text/html or application/json")
    @APIResponse(responseCode = "422", description = "The URL is refused by the address guard, or its page is no article")
    @APIResponse(responseCode = "502", description = "The page at the URL could not be fetched")
    public Response submit(byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Publication time (ISO-8601), overriding the date in the article")
            @QueryParam("published") String published,
            @Parameter(description = "Topic label to add; repeatable") @QueryParam("topic") List<String> topics,
            @Parameter(description = "The article's address (text/plain and text/html): its canonical URL unless the "
                    + "page names one, and the base for relative links and next pages") @QueryParam("url") String url,
            @Parameter(description = "Read the article and return it without storing anything")
            @QueryParam("dryRun") String dryRun,
            @Context UriInfo uri) {
        MediaType type = mediaType(contentType);
        Form form = formOf(type);
        int limit = form == Form.HTML ? maxPageBytes : maxBytes;
        if (body != null && body.length > limit) {
            throw tooLarge(body.length, limit, form == Form.HTML ? "warta.ingest.max-page-bytes" : "warta.ingest.max-article-bytes");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        boolean dry = flag(dryRun, "dryRun");
        Instant publishedAt = parsePublished(published);
        List<String> extraTopics = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).toList();
        for (String topic : extraTopics) {
            if (Slugs.of(topic).isEmpty()) {
                throw ProblemException.invalid("invalid-parameter", "topic \"" + topic + "\" has no letters or digits")
                        .with("field", "topic");
            }
        }
        URI address = addressOf(url, form);

        ArticleInput input = switch (form) {
            case TEXT -> {
                String text = decode(bytes, charsetOf(type, StandardCharsets.UTF_8));
                if (text.isBlank()) {
                    throw new ArticleFormatException("the article is empty", 0);
                }
                yield new ArticleInput.Text(text, address);
            }
            case HTML -> {
                if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
                    throw ProblemException.invalid("invalid-article", "the page is empty").with("field", "body");
                }
                yield new ArticleInput.Html(bytes, charsetOf(type, null), address);
            }
            case JSON -> {
                if (bytes.length == 0) {
                    throw ProblemException.invalid("invalid-json", "the body is empty; send a JSON object");
                }
                yield new ArticleInput.Json(bytes);
            }
        };

        ArticleService.Submitted submitted = articles.submit(input, new ArticleService.Overrides(publishedAt, extraTopics), dry);
        if (submitted.dryRun()) {
            return withNotes(Response.ok(ArticlePreview.of(submitted.reading(), true)), submitted.reading().notes())
                    .type(MediaType.APPLICATION_JSON).header("Warta-Ingest-Outcome", "dry-run").build();
        }
        IngestResult result = submitted.result();
        String base = publicUrl.base(uri);
        EntryView view = views.find(result.entryId(), base).orElseThrow();
        Response.ResponseBuilder response = result.outcome().created()
                ? Response.created(URI.create(base + "/api/entries/" + result.entryId()))
                : Response.ok();
        return withNotes(response.entity(view), submitted.reading().notes()).type(MediaType.APPLICATION_JSON)
                .header("Warta-Ingest-Outcome", result.outcome().name().toLowerCase().replace('_', '-'))
                .build();
    }

    /** Notes for the submitter ("page 3 could not be read: ...") as headers; header values must be ASCII. */
    private static Response.ResponseBuilder withNotes(Response.ResponseBuilder response, List<String> notes) {
        for (String note : notes) {
            response.header("Warta-Ingest-Note", note.replaceAll("[^\\x20-\\x7E]", "?"));
        }
        return response;
    }

    static boolean flag(String value, String name) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalid("invalid-parameter", name + " must be true or false")
                    .with("field", name);
        };
    }

    static URI addressOf(String url, Form form) {
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

    static ProblemException tooLarge(long size, int limit, String setting) {
        return ProblemException.tooLarge(
                "the article is " + size + " bytes; at most " + limit + " are accepted (" + setting + ")")
                .with("limit", limit);
    }

    static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("no Content-Type was sent");
        }
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("Content-Type \"" + contentType + "\" cannot be read");
        }
    }

    static Form formOf(MediaType type) {
        if (!type.isWildcardType() && !type.isWildcardSubtype()) {
            String name = type.getType().toLowerCase(java.util.Locale.ROOT) + "/" + type.getSubtype().toLowerCase(java.util.Locale.ROOT);
            for (Form form : Form.values()) {
                if (form.mediaType.equals(name)) {
                    return form;
                }
            }
            if (name.equals("application/xhtml+xml")) {
                return Form.HTML;
            }
        }
        throw unsupported("Content-Type " + type.getType() + "/" + type.getSubtype() + " is not accepted");
    }

    /** The declared charset, or {@code fallback} when none is declared. */
    static Charset charsetOf(MediaType type, Charset fallback) {
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

    static String decode(byte[] body, Charset charset) {
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

    static Instant parsePublished(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ArticleTextParser.NEWSROOM_ZONE).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                return LocalDateTime.parse(v).atZone(ArticleTextParser.NEWSROOM_ZONE).toInstant();
            }
        } catch (DateTimeException e) {
            throw ProblemException.invalid("invalid-parameter",
                    "published \"" + value + "\" is not an ISO-8601 date or date-time (e.g. 2022-12-19T17:30:00+07:00)")
                    .with("field", "published");
        }
    }
}
