package dev.opsledger.backup.web;

/** The realm roles behind the service's endpoints, as {@code @PreAuthorize} expressions. */
public final class Roles {

    /** Every role that may read: all GETs. */
    public static final String READERS = "hasAnyRole('backup-operator', 'approver', 'auditor', 'admin')";
    /** Targets, policies, runs, verification and restore requests. */
    public static final String OPERATOR = "hasRole('backup-operator')";
    /** Whether the caller may decide is the restore's approval policy's call (roles, four eyes). */
    public static final String AUTHENTICATED = "isAuthenticated()";

    private Roles() {
    }
}
