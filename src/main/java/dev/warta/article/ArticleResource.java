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

    static final String TEXT = "text/plain";

    private final ArticleService articles;
    private final EntryViews views;
    private final PublicUrl publicUrl;
    private final int maxBytes;

    ArticleResource(ArticleService articles, EntryViews views, PublicUrl publicUrl, WartaConfig config) {
        this.articles = articles;
        this.views = views;
        this.publicUrl = publicUrl;
        this.maxBytes = config.ingest().maxArticleBytes();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article",
            description = "Takes an article in the newsroom's plain-text format (headline, lede, Penulis/Editor, "
                    + "TRIBUNNEWS.COM dateline, paragraphs, 'Baca juga:' lines, credit, 'Artikel lain terkait' trailer). "
                    + "Returns 201 for a new article (or a filled stub), 200 when it was already stored.")
    @RequestBody(content = @Content(mediaType = "text/plain; charset=utf-8"))
    @APIResponse(responseCode = "201", description = "Stored as a new entry")
    @APIResponse(responseCode = "200", description = "Already stored: unchanged or updated")
    @APIResponse(responseCode = "400", description = "Empty, no headline, not UTF-8, or a bad parameter")
    @APIResponse(responseCode = "413", description = "Larger than warta.ingest.max-article-bytes")
    @APIResponse(responseCode = "415", description = "Not text/plain")
    public Response submit(byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Publication time (ISO-8601), overriding the date in the text")
            @QueryParam("published") String published,
            @Parameter(description = "Topic label to add; repeatable") @QueryParam("topic") List<String> topics,
            @Context UriInfo uri) {
        Charset charset = charsetOf(contentType);
        if (body != null && body.length > maxBytes) {
            throw tooLarge(body.length);
        }
        String text = decode(body == null ? new byte[0] : body, charset);
        if (text.isBlank()) {
            throw new ArticleFormatException("the article is empty", 0);
        }
        Instant publishedAt = parsePublished(published);
        List<String> extraTopics = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).toList();
        for (String topic : extraTopics) {
            if (Slugs.of(topic).isEmpty()) {
                throw ProblemException.badRequest("invalid-parameter", "topic \"" + topic + "\" has no letters or digits")
                        .with("field", "topic");
            }
        }

        IngestResult result = articles.submitText(text, publishedAt, extraTopics);
        String base = publicUrl.base(uri);
        EntryView view = views.find(result.entryId(), base).orElseThrow();
        Response.ResponseBuilder response = result.outcome().created()
                ? Response.created(URI.create(base + "/api/entries/" + result.entryId()))
                : Response.ok();
        return response.entity(view).type(MediaType.APPLICATION_JSON)
                .header("Warta-Ingest-Outcome", result.outcome().name().toLowerCase().replace('_', '-'))
                .build();
    }

    ProblemException tooLarge(long size) {
        return new ProblemException(413, "too-large", "Content too large",
                "the article is " + size + " bytes; at most " + maxBytes + " are accepted")
                .with("limit", maxBytes);
    }

    static Charset charsetOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("no Content-Type was sent");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("Content-Type \"" + contentType + "\" cannot be read");
        }
        if (!type.isCompatible(MediaType.TEXT_PLAIN_TYPE) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw unsupported("Content-Type " + type.getType() + "/" + type.getSubtype() + " is not accepted");
        }
        String name = type.getParameters().get("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw unsupported("charset \"" + name + "\" is not supported");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                detail + "; send text/plain; charset=utf-8").with("accepted", List.of("text/plain; charset=utf-8"));
    }

    static String decode(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw ProblemException.badRequest("invalid-encoding",
                    "the body is not valid " + charset.name() + ": malformed bytes at offset " + in.position())
                    .with("offset", in.position());
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-encoding", "the body is not valid " + charset.name());
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
            throw ProblemException.badRequest("invalid-parameter",
                    "published \"" + value + "\" is not an ISO-8601 date or date-time (e.g. 2022-12-19T17:30:00+07:00)")
                    .with("field", "published");
        }
    }
}
