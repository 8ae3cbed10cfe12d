package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.util.Set;

/**
 * Who may take immediate access without approval, and for how long. A resource without one
 * allows no break-glass.
 */
public record BreakGlass(Set<String> roles, Duration duration) {

    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    public static final Duration LONGEST = Duration.ofHours(8);
    public static final String INVALID = "resource.invalid-break-glass";

    public BreakGlass {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw BusinessRuleViolation.unprocessable(INVALID, "Break-glass needs at least one allowed role");
        }
        roles = Set.copyOf(roles);
        duration = duration == null ? DEFAULT_DURATION : duration;
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
            throw BusinessRuleViolation.unprocessable(INVALID, "A break-glass grant lasts more than 0 and at most "
                    + LONGEST);
        }
    }

    public boolean allows(Actor actor) {
        return actor.hasAnyRole(roles);
    }
}
