package dev.opsledger.release.application.command;

import dev.opsledger.release.application.api.Lifecycle;

/**
 * What a promotion needs to know about its application, read from the aggregate inside the
 * promotion's unit of work. {@code lifecycle} is {@code null} until one is defined.
 */
public record ApplicationSnapshot(String applicationId, int lifecycleVersion, Lifecycle lifecycle,
                                  DeploymentHistory history) {
}
