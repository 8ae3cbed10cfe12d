package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.util.Set;

/**
 * How access to a resource is given: who may ask, for how long at most, who approves, and who
 * may break the glass ({@code null}: nobody), and whether a member Keycloak has without a grant is
 * removed when the reconciliation finds it or only reported. A request copies the rules when it is
 * made, so a later change never alters a request already under way.
 */
public record AccessRules(ApprovalPolicy approvalPolicy, Duration maxDuration, Set<String> requesterRoles,
                          BreakGlass breakGlass, boolean removeUnmanagedMembers) {

    public static final String INVALID = "resource.invalid-rules";
    public static final String DURATION_OUT_OF_RANGE = "access-request.duration-out-of-range";
    public static final String ROLE_NOT_ALLOWED = "access-request.role-not-allowed";
    public static final String BREAK_GLASS_NOT_ALLOWED = "break-glass.not-allowed";
    public static final String SELF_APPROVAL_NOT_ALLOWED = "resource.self-approval-not-allowed";
    /** Long enough for a contractor's quarter, short enough that every grant is reviewed in a year. */
    public static final Duration LONGEST = Duration.ofDays(365);

    public AccessRules {
        if (approvalPolicy == null) {
            throw BusinessRuleViolation.unprocessable(INVALID, "A resource needs an approval policy");
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()
                || maxDuration.compareTo(LONGEST) > 0) {
            throw BusinessRuleViolation.unprocessable(INVALID, "The maximum duration must be more than 0 and at most "
                    + LONGEST);
        }
        if (requesterRoles == null || requesterRoles.isEmpty()
                || requesterRoles.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw BusinessRuleViolation.unprocessable(INVALID, "A resource needs at least one role allowed to request");
        }
        requesterRoles = Set.copyOf(requesterRoles);
    }

    /** Rules that only report members Keycloak has without a grant (drift), never remove them. */
    public AccessRules(ApprovalPolicy approvalPolicy, Duration maxDuration, Set<String> requesterRoles,
                       BreakGlass breakGlass) {
        this(approvalPolicy, maxDuration, requesterRoles, breakGlass, false);
    }

    /**
     * Refuses rules that would let a requester approve their own access ({@code fourEyes: false}):
     * nobody grants themselves access, whatever the policy an admin writes. Checked when rules are
     * registered or changed, so a refused change stores nothing.
     */
    public void requireFourEyes() {
        if (!approvalPolicy.fourEyes()) {
            throw BusinessRuleViolation.unprocessable(SELF_APPROVAL_NOT_ALLOWED, "Access is never approved by the "
                    + "person who asks for it: fourEyes must be true");
        }
    }

    /**
     * The policy a new request is decided by: the resource's, always with four eyes, so rules stored
     * before {@link #requireFourEyes()} existed cannot let anyone approve their own access either.
     */
    public ApprovalPolicy requestPolicy() {
        return approvalPolicy.fourEyes() ? approvalPolicy : new ApprovalPolicy(approvalPolicy.requiredApprovals(),
                approvalPolicy.approverRoles(), true, approvalPolicy.decisionTimeout());
    }

    /** Refuses a request the rules don't allow: wrong role, or a duration not in (0, max]. */
    public void checkRequest(Actor requester, Duration duration) {
        if (!requester.hasAnyRole(requesterRoles)) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED, "Requesting this resource needs one of the roles "
                    + requesterRoles);
        }
        checkDuration(duration);
    }

    public void checkDuration(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(maxDuration) > 0) {
            throw BusinessRuleViolation.unprocessable(DURATION_OUT_OF_RANGE,
                    "The duration must be more than 0 and at most " + maxDuration);
        }
    }

    /** The break-glass rules for {@code actor}, or a refusal when the resource or the role allows none. */
    public BreakGlass breakGlassFor(Actor actor) {
        if (breakGlass == null || !breakGlass.allows(actor)) {
            throw BusinessRuleViolation.forbidden(BREAK_GLASS_NOT_ALLOWED,
                    breakGlass == null ? "This resource allows no break-glass access"
                            : "Break-glass access needs one of the roles " + breakGlass.roles());
        }
        return breakGlass;
    }
}
