package dev.opsledger.automation.task.query;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A task's current version as the API returns it; {@code spec} is the definition. */
public record TaskView(String taskId, String name, int version, JsonNode spec, String definedBy, Instant definedAt,
                       Instant updatedAt) {
}
