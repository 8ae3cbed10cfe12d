package dev.opsledger.access.resource.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A resource as the read side knows it.
 *
 * @param breakGlassRoles empty when the resource allows no break-glass
 */
public record ResourceView(String resourceId, String name, String description, String owningTeam, String kind,
                           String target, String deprovisionTask, int requiredApprovals, List<String> approverRoles,
                           boolean fourEyes, Duration decisionTimeout, Duration maxDuration,
                           List<String> requesterRoles, List<String> breakGlassRoles, Duration breakGlassDuration,
                           Instant registeredAt, Instant updatedAt) {
}
