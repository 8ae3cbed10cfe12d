package dev.opsledger.automation.task.query;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One version of a task, as it was defined. */
public record TaskVersionView(String taskId, int version, JsonNode spec, String definedBy, Instant definedAt) {
}
