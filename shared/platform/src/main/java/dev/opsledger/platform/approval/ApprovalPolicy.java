package dev.opsledger.platform.approval;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a request must pass before it may go ahead: how many distinct approvers, which roles
 * may approve, whether the requester is excluded (four eyes), and how long approvers have to
 * decide. One value object serves promotions, access requests, restores and automation runs.
 */
public record ApprovalPolicy(int requiredApprovals, Set<String> approverRoles, boolean fourEyes,
                             Duration decisionTimeout) {

    public ApprovalPolicy {
        if (requiredApprovals < 1) {
            throw new IllegalArgumentException("requiredApprovals must be at least 1");
        }
        Objects.requireNonNull(approverRoles, "approverRoles");
        if (approverRoles.isEmpty() || approverRoles.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("approverRoles must name at least one role");
        }
        approverRoles = Set.copyOf(approverRoles);
        Objects.requireNonNull(decisionTimeout, "decisionTimeout");
        if (decisionTimeout.isNegative() || decisionTimeout.isZero()) {
            throw new IllegalArgumentException("decisionTimeout must be positive");
        }
    }

    /** The usual policy: four eyes, {@code count} approvers holding one of {@code roles}. */
    public static ApprovalPolicy fourEyes(int count, Duration decisionTimeout, String... roles) {
        return new ApprovalPolicy(count, Set.of(roles), true, decisionTimeout);
    }
}
