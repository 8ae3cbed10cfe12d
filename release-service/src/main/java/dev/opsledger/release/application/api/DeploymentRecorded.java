package dev.opsledger.release.application.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeploymentRecorded(String applicationId, String environment, String releaseId, String version,
                                 String promotionId) {
}
