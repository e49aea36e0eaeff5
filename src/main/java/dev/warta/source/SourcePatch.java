package dev.warta.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warta.ProblemException;

/**
 * The changes a {@code PATCH} asks for. A null field is absent (left as it is); an empty {@link Optional}
 * clears the setting.
 */
public record SourcePatch(List<String> topics, Boolean paused, Optional<String> title, Optional<Integer> retentionMaxEntries,
        Optional<Integer> retentionMaxAgeDays, Boolean fullText) {

    /**
     * Reads a merge-patch body: what it names is changed, {@code null} clears; a field of the wrong type is a 400
     * that names it. Read from the JSON tree, since a bound record cannot tell an absent field from a null one.
     */
    @SuppressWarnings("java:S2789") // null Optionals mean "absent", as documented above
    static SourcePatch from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("send a JSON object with the fields to change", null);
        }
        Optional<Integer> maxEntries = null;
        Optional<Integer> maxAgeDays = null;
        if (body.has("retention")) {
            JsonNode r = body.get("retention");
            if (r.isNull()) {
                maxEntries = Optional.empty();
                maxAgeDays = Optional.empty();
            } else if (r.isObject()) {
                maxEntries = number(r, "maxEntries");
                maxAgeDays = number(r, "maxAgeDays");
            } else {
                throw invalid("retention is {maxEntries, maxAgeDays} or null", "retention");
            }
        }
        return new SourcePatch(topics(body), flag(body, "paused"), title(body), maxEntries, maxAgeDays, flag(body, "fullText"));
    }

    private static List<String> topics(JsonNode body) {
        if (!body.has("topics")) {
            return null;
        }
        JsonNode t = body.get("topics");
        if (!t.isArray()) {
            throw invalid("topics is a list of slugs or labels", "topics");
        }
        List<String> topics = new ArrayList<>();
        for (JsonNode n : t) {
            topics.add(n.isTextual() ? n.asText() : null);
        }
        return topics;
    }

    private static Boolean flag(JsonNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        if (!body.get(field).isBoolean()) {
            throw invalid(field + " is true or false", field);
        }
        return body.get(field).asBoolean();
    }

    private static Optional<String> title(JsonNode body) {
        if (!body.has("title")) {
            return null;
        }
        JsonNode t = body.get("title");
        if (!t.isNull() && !t.isTextual()) {
            throw invalid("title is text or null", "title");
        }
        return t.isNull() ? Optional.empty() : Optional.of(t.asText());
    }

    private static Optional<Integer> number(JsonNode r, String field) {
        if (!r.has(field)) {
            return null;
        }
        JsonNode n = r.get(field);
        if (n.isNull()) {
            return Optional.empty();
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw invalid("retention." + field + " is a whole number", "retention." + field);
        }
        return Optional.of(n.intValue());
    }

    private static ProblemException invalid(String detail, String field) {
        ProblemException problem = ProblemException.invalid("invalid-source", detail);
        return field == null ? problem : problem.with("field", field);
    }
}
