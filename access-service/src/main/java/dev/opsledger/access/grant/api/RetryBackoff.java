package dev.opsledger.access.grant.api;

import java.time.Duration;

/**
 * Doubling waits between attempts to provision or deprovision: 5 s, 10 s, 20 s … at most 5 minutes.
 * The grant saga waits this long after a failed Keycloak call, and the grant records it as the
 * retry time of a failed deprovisioning task (the saga then schedules the retry at that time).
 */
public final class RetryBackoff {

    public static final Duration FIRST = Duration.ofSeconds(5);
    public static final Duration LONGEST = Duration.ofMinutes(5);

    private RetryBackoff() {
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public static Duration after(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 10);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
