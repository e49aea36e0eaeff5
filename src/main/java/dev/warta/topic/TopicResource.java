package dev.warta.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.PublicUrl;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics")
@SecurityRequirement(name = "bearer")
public class TopicResource {

    private final TopicRepository topics;
    private final PublicUrl publicUrl;

    TopicResource(TopicRepository topics, PublicUrl publicUrl) {
        this.topics = topics;
        this.publicUrl = publicUrl;
    }

    public record TopicView(String slug, String label, long entries, Map<String, String> feeds, String page) {
    }

    @GET
    @Transactional
    @Operation(summary = "Every topic with its entry count and feed addresses")
    public List<TopicView> list(@Context UriInfo uri) {
        String base = publicUrl.base(uri);
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : topics.entryCounts()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return topics.listByLabel().stream()
                .map(t -> new TopicView(t.slug, t.label, counts.getOrDefault(t.id, 0L),
                        Map.of("atom", base + "/feeds/topics/" + t.slug + ".atom",
                                "rss", base + "/feeds/topics/" + t.slug + ".rss"),
                        base + "/topics/" + t.slug))
                .toList();
    }
}
