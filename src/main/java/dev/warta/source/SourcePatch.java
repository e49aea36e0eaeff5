package dev.warta.source;

import java.util.List;
import java.util.Optional;

/**
 * The changes a {@code PATCH} asks for. A null field is absent (left as it is); an empty {@link Optional}
 * clears the setting.
 */
public record SourcePatch(List<String> topics, Boolean paused, Optional<String> title, Optional<Integer> retentionMaxEntries,
        Optional<Integer> retentionMaxAgeDays) {
}
