package dev.opsledger.testkit;

import java.time.Duration;

final class Deadlines {

    private Deadlines() {
    }

    /** A pause between two polls of something that has a deadline; interruption ends the wait with an error. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
