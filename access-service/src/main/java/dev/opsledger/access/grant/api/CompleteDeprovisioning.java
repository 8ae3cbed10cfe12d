package dev.opsledger.access.grant.api;

/** Keycloak no longer has the membership and the user's sessions are gone. */
public record CompleteDeprovisioning(String grantId) {
}
