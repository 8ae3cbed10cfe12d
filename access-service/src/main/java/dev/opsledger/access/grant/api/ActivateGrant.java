package dev.opsledger.access.grant.api;

/** Keycloak has the membership: the grant's clock starts now. */
public record ActivateGrant(String grantId) {
}
