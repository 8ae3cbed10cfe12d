package dev.opsledger.release.application.api;

/** Adds an application under a name no other application uses. */
public record RegisterApplication(String applicationId, String name, String owningTeam, String repositoryUrl) {
}
