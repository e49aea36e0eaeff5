package dev.warta.article;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.entry.EntryView;
import dev.warta.entry.EntryViews;
import dev.warta.ingest.IngestResult;

/** {@code POST /api/articles}: reads the request ({@link ArticleRequests}), calls {@link ArticleService}, maps the answer. */
@Path("/api/articles")
@Tag(name = "Articles")
@SecurityRequirement(name = "bearer")
public class ArticleResource {

    private final ArticleRequests requests;
    private final ArticleService articles;
    private final EntryViews views;
    private final PublicUrl publicUrl;

    ArticleResource(ArticleRequests requests, ArticleService articles, EntryViews views, PublicUrl publicUrl) {
        this.requests = requests;
        this.articles = articles;
        this.views = views;
        this.publicUrl = publicUrl;
    }

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
                    + "stored; with ?dryRun=true, 200 and the article as read, storing nothing. Both answers carry "
                    + "'warnings' (no body, no date, no byline, no topic), also as Warta-Ingest-Note headers: an article "
                    + "with warnings is still published.")
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
        ArticleRequests.ArticleRequest request = requests.read(body, contentType, url, published, topics, dryRun);
        if (request.dryRun()) {
            ArticleService.Checked article = articles.preview(request.input(), request.overrides());
            return withNotes(Response.ok(ArticlePreview.of(article, true)), article)
                    .header("Warta-Ingest-Outcome", "dry-run").build();
        }
        ArticleService.Published stored = articles.publish(request.input(), request.overrides());
        IngestResult result = stored.result();
        String base = publicUrl.base(uri);
        EntryView view = views.find(result.entryId(), base).orElseThrow(
                () -> ProblemException.internal("entry " + result.entryId() + " was stored but cannot be read back"));
        Response.ResponseBuilder response = result.outcome().created()
                ? Response.created(URI.create(base + "/api/entries/" + result.entryId()))
                : Response.ok();
        return withNotes(response.entity(new PublishedArticle(view, stored.article().warnings())), stored.article())
                .header("Warta-Ingest-Outcome", result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .build();
    }

    /** The stored entry, and what the article lacks ({@link ArticleWarning}), empty when nothing. */
    public record PublishedArticle(@JsonUnwrapped EntryView entry, List<ArticleWarning> warnings) {
    }

    /**
     * Notes for the submitter ("page 3 could not be read: ...") and warnings ("no-date: ...") as headers; header
     * values must be ASCII.
     */
    private static Response.ResponseBuilder withNotes(Response.ResponseBuilder response, ArticleService.Checked article) {
        List<String> notes = new ArrayList<>(article.reading().notes());
        article.warnings().forEach(w -> notes.add(w.code() + ": " + w.detail()));
        for (String note : notes) {
            response.header("Warta-Ingest-Note", note.replaceAll("[^\\x20-\\x7E]", "?"));
        }
        return response.type(MediaType.APPLICATION_JSON);
    }
}
