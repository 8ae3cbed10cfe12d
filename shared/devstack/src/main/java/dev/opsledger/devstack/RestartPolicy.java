package dev.opsledger.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What the launcher does when a child exits on its own, as a compose {@code restart:} policy
 * would: restart it after a back-off that doubles with each recent crash, and give up on one that
 * keeps crashing (so a broken service is reported, not restarted forever).
 *
 * <p>A crash counts as recent for {@link #window}; after a quiet window the back-off starts over.
 */
final class RestartPolicy {

    static final RestartPolicy DEFAULT = new RestartPolicy(5, Duration.ofMinutes(10), Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    private final int maxRestartsInWindow;
    private final Duration window;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    RestartPolicy(int maxRestartsInWindow, Duration window, Duration firstBackoff, Duration maxBackoff) {
        this.maxRestartsInWindow = maxRestartsInWindow;
        this.window = window;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** One child's crash history under this policy. */
    Tracker tracker() {
        return new Tracker();
    }

    final class Tracker {

        private final Deque<Instant> recentCrashes = new ArrayDeque<>();
        private int restarts;

        /**
         * Records a crash at {@code now}.
         *
         * @return how long to wait before restarting, or empty when the child crashed too often
         */
        Optional<Duration> crashed(Instant now) {
            while (!recentCrashes.isEmpty() && recentCrashes.peekFirst().isBefore(now.minus(window))) {
                recentCrashes.removeFirst();
            }
            if (recentCrashes.size() >= maxRestartsInWindow) {
                return Optional.empty();
            }
            Duration backoff = firstBackoff.multipliedBy(1L << Math.min(recentCrashes.size(), 20));
            recentCrashes.addLast(now);
            restarts++;
            return Optional.of(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
        }

        /** Restarts so far, for {@code ./opsledger status}. */
        int restarts() {
            return restarts;
        }

        int maxRestartsInWindow() {
            return maxRestartsInWindow;
        }

        Duration window() {
            return window;
        }
    }
}
