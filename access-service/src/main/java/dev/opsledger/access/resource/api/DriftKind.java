package dev.opsledger.access.resource.api;

/** How Keycloak and the grants disagree about one user. */
public enum DriftKind {
    /** Keycloak has the membership, but no request or grant of this service accounts for it (added by hand). */
    UNMANAGED_MEMBER,
    /** An active grant whose membership Keycloak no longer has (removed by hand). */
    MISSING_MEMBERSHIP
}
