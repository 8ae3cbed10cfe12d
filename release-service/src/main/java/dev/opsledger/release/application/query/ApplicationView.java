package dev.opsledger.release.application.query;

import dev.opsledger.release.application.api.EnvironmentRules;
import java.time.Instant;
import java.util.List;

/** An application as the read side knows it; {@code environments} is empty until a lifecycle is defined. */
public record ApplicationView(String applicationId, String name, String owningTeam, String repositoryUrl,
                              int lifecycleVersion, List<EnvironmentRules> environments, Instant registeredAt) {
}
