package dev.opsledger.access.web;

import java.util.Set;

/** The realm roles behind the service's endpoints, as {@code @PreAuthorize} expressions. */
public final class Roles {

    /** Any OpsLedger role: may ask for access (the resource's rules narrow it further). */
    public static final String ANY_OPSLEDGER_ROLE = "hasAnyRole('developer', 'release-manager', 'approver', "
            + "'backup-operator', 'automation-admin', 'auditor', 'admin')";
    public static final String ADMIN = "hasRole('admin')";
    /** Reads everyone's requests and grants; others read only their own. */
    public static final String SEES_EVERYONE = "hasAnyRole('auditor', 'admin', 'approver')";
    public static final String AUDITOR_OR_ADMIN = "hasAnyRole('auditor', 'admin')";

    /** The role names behind {@link #SEES_EVERYONE}, for checks a controller makes on a query's filter. */
    public static final Set<String> EVERYONE_READERS = Set.of("auditor", "admin", "approver");

    private Roles() {
    }
}
