package dev.opsledger.automation.web;

/** The realm roles behind the service's endpoints, as {@code @PreAuthorize} expressions. */
public final class Roles {

    /** Every role that may read: all GETs. */
    public static final String READERS =
            "hasAnyRole('developer', 'release-manager', 'approver', 'automation-admin', 'auditor', 'admin')";
    /** Defines and edits tasks. */
    public static final String AUTOMATION_ADMIN = "hasRole('automation-admin')";
    /**
     * Who may run, approve or cancel is decided by the aggregate (the definition's run roles, the
     * approval policy, the requester): the check here only keeps anonymous callers away.
     */
    public static final String AUTHENTICATED = "isAuthenticated()";

    private Roles() {
    }
}
