package dev.opsledger.access.grant.command;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Set;

/**
 * Who may take a grant away before it expires, and that they must say why: an admin, or a member
 * of the team that owns the resource (ADR 014).
 */
public final class Revocation {

    public static final String NOT_ALLOWED = "grant.revoke-not-allowed";
    public static final String REASON_REQUIRED = "grant.reason-required";
    static final Set<String> REVOKER_ROLES = Set.of("admin");

    private Revocation() {
    }

    /** A person revoking by hand: an admin or a member of {@code owningTeam}, with a reason. */
    static void check(Actor revoker, Set<String> revokerTeams, String owningTeam, String reason) {
        boolean ownsIt = revokerTeams != null && revokerTeams.contains(owningTeam);
        if (!revoker.hasAnyRole(REVOKER_ROLES) && !ownsIt) {
            throw BusinessRuleViolation.forbidden(NOT_ALLOWED, "Only admins and the team " + owningTeam
                    + " may revoke this grant");
        }
        requireReason(reason);
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleViolation.unprocessable(REASON_REQUIRED, "A revocation needs a reason");
        }
    }
}
