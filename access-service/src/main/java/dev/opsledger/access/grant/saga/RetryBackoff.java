package dev.opsledger.access.grant.saga;

import java.time.Duration;

/** Doubling waits between attempts to reach Keycloak: 5 s, 10 s, 20 s … at most 5 minutes. */
final class RetryBackoff {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration LONGEST = Duration.ofMinutes(5);

    private RetryBackoff() {
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    static Duration after(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 10);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
