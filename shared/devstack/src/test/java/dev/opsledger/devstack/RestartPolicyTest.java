package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    private final RestartPolicy policy = new RestartPolicy(3, Duration.ofMinutes(10), Duration.ofSeconds(1),
            Duration.ofSeconds(3));

    @Test
    void givenRepeatedCrashes_whenRestarted_thenTheBackoffDoublesUpToItsCap() {
        RestartPolicy.Tracker child = policy.tracker();

        assertThat(child.crashed(T)).contains(Duration.ofSeconds(1));
        assertThat(child.crashed(T.plusSeconds(5))).contains(Duration.ofSeconds(2));
        assertThat(child.crashed(T.plusSeconds(10))).contains(Duration.ofSeconds(3));
        assertThat(child.restarts()).isEqualTo(3);
    }

    @Test
    void givenTooManyCrashesWithinTheWindow_whenItCrashesAgain_thenItIsNotRestarted() {
        RestartPolicy.Tracker child = policy.tracker();
        child.crashed(T);
        child.crashed(T.plusSeconds(1));
        child.crashed(T.plusSeconds(2));

        assertThat(child.crashed(T.plusSeconds(3))).isEmpty();
        assertThat(child.restarts()).isEqualTo(3);
    }

    @Test
    void givenAQuietWindow_whenItCrashesAgain_thenItIsRestartedWithTheFirstBackoff() {
        RestartPolicy.Tracker child = policy.tracker();
        child.crashed(T);
        child.crashed(T.plusSeconds(1));
        child.crashed(T.plusSeconds(2));

        assertThat(child.crashed(T.plus(Duration.ofMinutes(11)))).contains(Duration.ofSeconds(1));
        assertThat(child.restarts()).isEqualTo(4);
    }
}
