package dev.opsledger.access.grant.command;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a grant's access lasts: {@code duration} counts from activation (not from the request),
 * and approved extensions move the end. {@code expiresAt} is {@code null} until activation.
 */
public record Term(Duration duration, Instant expiresAt) {

    public static final String NOT_YET_DUE = "grant.not-yet-due";

    static Term of(Duration duration) {
        return new Term(duration, null);
    }

    /** The expiry when the clock starts {@code now}. */
    Instant expiryWhenActivatedAt(Instant now) {
        return now.plus(duration);
    }

    Instant extendedBy(Duration more) {
        return expiresAt.plus(more);
    }

    Term endingAt(Instant expiry) {
        return new Term(duration, expiry);
    }

    /** Refuses to expire a grant early: an expiry deadline that fires late is fine, an early one is not. */
    void requireDue(Instant now) {
        if (now.isBefore(expiresAt)) {
            throw BusinessRuleViolation.conflict(NOT_YET_DUE, "The grant runs until " + expiresAt);
        }
    }
}
