package dev.opsledger.release.web;

/** The realm roles behind the service's endpoints, as {@code @PreAuthorize} expressions. */
public final class Roles {

    /** Every role that may read: all GETs. */
    public static final String READERS = "hasAnyRole('developer', 'release-manager', 'approver', 'auditor', 'admin')";
    public static final String DEVELOPER = "hasRole('developer')";
    public static final String RELEASE_MANAGER = "hasRole('release-manager')";
    public static final String DEVELOPER_OR_RELEASE_MANAGER = "hasAnyRole('developer', 'release-manager')";
    public static final String ADMIN = "hasRole('admin')";
    /** Whether the caller may act is decided by the aggregate (approval policy, requester). */
    public static final String AUTHENTICATED = "isAuthenticated()";

    private Roles() {
    }
}
