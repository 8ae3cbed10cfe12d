package dev.opsledger.release.application.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApplicationRegistered(String applicationId, String name, String owningTeam, String repositoryUrl) {
}
