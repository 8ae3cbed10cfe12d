package dev.opsledger.automation.run.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which processes a recorded session may end, and which it must never touch. */
class RunSessionTest {

    private static final Machine HERE = new Machine("3f1c0d2e-boot-a", "automation-1");
    private static final long LEADER = 4242;
    private static final long STARTED = 90_000;
    private static final RunSession SESSION = new RunSession("run-1", LEADER, STARTED,
            Instant.parse("2026-11-30T10:00:00Z"), HERE);

    @Test
    void givenTheLeaderAndALaterProcessOfItsSession_whenChecked_thenBothAreOwned() {
        assertThat(SESSION.mayStillHaveProcesses(Optional.of(new ProcessStat(LEADER, 'S', LEADER, STARTED)))).isTrue();
        assertThat(SESSION.owns(new ProcessStat(LEADER, 'S', LEADER, STARTED))).isTrue();
        assertThat(SESSION.owns(new ProcessStat(5000, 'R', LEADER, STARTED + 30))).isTrue();
    }

    @Test
    void givenTheLeaderGoneButItsGrandchildAlive_whenChecked_thenTheGrandchildIsOwned() {
        assertThat(SESSION.mayStillHaveProcesses(Optional.empty())).isTrue();
        assertThat(SESSION.owns(new ProcessStat(5001, 'S', LEADER, STARTED + 1))).isTrue();
    }

    @Test
    void givenTheLeadersPidNowHeldByAProcessStartedAtAnotherMoment_whenChecked_thenNothingOfThatSessionIsTouched() {
        // The kernel freed the pid, so the old session is gone: the new one of that number is someone else's.
        assertThat(SESSION.mayStillHaveProcesses(Optional.of(new ProcessStat(LEADER, 'S', LEADER, STARTED + 500))))
                .isFalse();
        assertThat(SESSION.mayStillHaveProcesses(Optional.of(new ProcessStat(LEADER, 'S', 1, STARTED - 500))))
                .isFalse();
    }

    @Test
    void givenAProcessOfTheSameSessionNumberStartedBeforeTheLeader_whenChecked_thenItIsNotOwned() {
        assertThat(SESSION.owns(new ProcessStat(5002, 'S', LEADER, STARTED - 1))).isFalse();
    }

    @Test
    void givenAProcessOfAnotherSession_whenChecked_thenItIsNotOwned() {
        assertThat(SESSION.owns(new ProcessStat(5003, 'S', LEADER + 1, STARTED + 10))).isFalse();
    }

    @Test
    void givenAZombieOfTheSession_whenChecked_thenItIsNotOwnedForItHasEndedAlready() {
        assertThat(SESSION.owns(new ProcessStat(5004, 'Z', LEADER, STARTED + 10))).isFalse();
    }

    @Test
    void givenAnotherBootOrAnotherHost_whenChecked_thenTheSessionIsNotOnThisMachine() {
        assertThat(SESSION.isOn(HERE)).isTrue();
        assertThat(SESSION.isOn(new Machine("9b77e410-boot-b", "automation-1"))).isFalse();
        assertThat(SESSION.isOn(new Machine("3f1c0d2e-boot-a", "automation-2"))).isFalse();
    }

    @Test
    void givenAStatLineWhoseCommandHoldsSpacesAndParentheses_whenParsed_thenTheFieldsAreCountedFromTheLastParenthesis() {
        String line = "4242 (evil) name (x) S 1 4242 4242 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 90000 2400000 150 "
                + "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcessStat.parse(4242, line)).isEqualTo(new ProcessStat(4242, 'S', 4242, 90000));
    }
}
