package dev.warta.topic;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warta.FeedFormat;
import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.SiteUrls;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics")
@SecurityRequirement(name = "bearer")
public class TopicResource {

    static final int MAX_RULES = 200;
    static final int MAX_PATTERN = 500;
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final TopicService service;
    private final PublicUrl publicUrl;

    TopicResource(TopicService service, PublicUrl publicUrl) {
        this.service = service;
        this.publicUrl = publicUrl;
    }

    public record RuleView(String type, String pattern) {
    }

    public record TopicView(String slug, String label, long entries, Map<String, String> feeds, String page,
            List<RuleView> rules) {
    }

    /**
     * {@code rules}: each either {@code {"type": "word|phrase|regex", "pattern": "..."}} or a string:
     * {@code "/.../"} is a regex, text with a space a phrase, else a word.
     */
    public record TopicRequest(String label, List<JsonNode> rules) {
    }

    @GET
    @Operation(summary = "Every topic with its entry count, feed addresses and rules")
    public List<TopicView> list(@Context UriInfo uri) {
        SiteUrls urls = SiteUrls.at(publicUrl.base(uri));
        return service.list().stream().map(t -> view(t, urls)).toList();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One topic with its rules")
    public TopicView get(@PathParam("slug") String slug, @Context UriInfo uri) {
        return view(service.get(slug), SiteUrls.at(publicUrl.base(uri)));
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a topic or replace its label and rules",
            description = "Rules are matched on title, summary and upstream categories of every entry ingested from now on, "
                    + "case- and accent-insensitively; an upstream category equal to the label also puts an entry in the topic.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid slug, label or rule (the field names which)")
    public Response put(@PathParam("slug") String slug, TopicRequest request, @Context UriInfo uri) {
        if (!SLUG.matcher(slug).matches()) {
            throw ProblemException.invalid("invalid-slug", "a slug is lower-case letters and digits joined by hyphens")
                    .with("field", "slug");
        }
        if (request == null || request.label() == null || request.label().isBlank()) {
            throw ProblemException.invalid("invalid-topic", "a topic needs a label").with("field", "label");
        }
        List<TopicRule> rules = rules(request.rules());
        TopicService.PutResult result = service.put(slug, request.label(), rules);
        SiteUrls urls = SiteUrls.at(publicUrl.base(uri));
        return (result.created() ? Response.created(URI.create(urls.apiTopic(slug))) : Response.ok())
                .entity(view(result.topic(), urls)).type(MediaType.APPLICATION_JSON).build();
    }

    static List<TopicRule> rules(List<JsonNode> nodes) {
        if (nodes == null) {
            return List.of();
        }
        if (nodes.size() > MAX_RULES) {
            throw ProblemException.invalid("invalid-topic", "at most " + MAX_RULES + " rules").with("field", "rules");
        }
        List<TopicRule> rules = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String field = "rules[" + i + "]";
            TopicRule.Type type;
            String pattern;
            if (node != null && node.isTextual()) {
                String s = node.asText().strip();
                if (s.length() > 2 && s.startsWith("/") && s.endsWith("/")) {
                    type = TopicRule.Type.REGEX;
                    pattern = s.substring(1, s.length() - 1);
                } else {
                    type = s.contains(" ") ? TopicRule.Type.PHRASE : TopicRule.Type.WORD;
                    pattern = s;
                }
            } else if (node != null && node.isObject()) {
                String t = node.path("type").asText("").strip().toLowerCase(Locale.ROOT);
                try {
                    type = TopicRule.Type.of(t);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("invalid-rule", "a rule's type is word, phrase or regex, not \"" + t + "\"")
                            .with("field", field + ".type");
                }
                pattern = node.path("pattern").asText("").strip();
                field = field + ".pattern";
            } else {
                throw ProblemException.invalid("invalid-rule", "a rule is a string or {\"type\", \"pattern\"}")
                        .with("field", field);
            }
            if (pattern.isEmpty() || pattern.length() > MAX_PATTERN) {
                throw ProblemException.invalid("invalid-rule", "a rule's pattern has 1 to " + MAX_PATTERN + " characters")
                        .with("field", field);
            }
            if (type != TopicRule.Type.REGEX && TopicClassifier.words(pattern).isEmpty()) {
                throw ProblemException.invalid("invalid-rule", "\"" + pattern + "\" has no letters or digits to match")
                        .with("field", field);
            }
            if (type == TopicRule.Type.REGEX) {
                try {
                    TopicClassifier.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw ProblemException.invalid("invalid-rule", "not a valid regular expression: " + e.getDescription()
                            + " near index " + e.getIndex()).with("field", field);
                }
            }
            rules.add(new TopicRule(type, pattern));
        }
        return rules;
    }

    private static TopicView view(TopicService.TopicDetails t, SiteUrls urls) {
        Map<String, String> feeds = new LinkedHashMap<>();
        for (FeedFormat format : FeedFormat.values()) {
            feeds.put(format.extension().substring(1), urls.feed(t.slug(), format));
        }
        List<RuleView> rules = t.rules().stream().map(r -> new RuleView(r.type().dbValue(), r.pattern())).toList();
        return new TopicView(t.slug(), t.label(), t.entries(), feeds, urls.topicPage(t.slug()), rules);
    }
}
