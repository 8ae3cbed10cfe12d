package dev.opsledger.release.application;

import static dev.opsledger.release.support.Lifecycles.BERLIN;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.MONDAY_NOON;
import static dev.opsledger.release.support.Lifecycles.QA_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.DeploymentWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentWindowTest {

    @Test
    void givenQaWindow_whenMondayMorning_thenClosedAndOpensAtNoonBerlin() {
        assertThat(QA_WINDOW.isOpen(MONDAY_MORNING)).isFalse();
        assertThat(QA_WINDOW.nextOpening(MONDAY_MORNING)).isEqualTo(MONDAY_NOON);
    }

    @Test
    void givenQaWindow_whenInsideIt_thenOpenAndNextOpeningIsNow() {
        Instant oneThirty = MONDAY_NOON.plusSeconds(90 * 60);
        assertThat(QA_WINDOW.isOpen(oneThirty)).isTrue();
        assertThat(QA_WINDOW.nextOpening(oneThirty)).isEqualTo(oneThirty);
    }

    @Test
    void givenQaWindow_whenAtItsEnd_thenClosedAndNextOpeningIsWednesdayNoon() {
        Instant mondayThreePm = ZonedDateTime.of(2026, 11, 23, 15, 0, 0, 0, BERLIN).toInstant();
        assertThat(QA_WINDOW.isOpen(mondayThreePm)).isFalse();
        assertThat(QA_WINDOW.nextOpening(mondayThreePm))
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, BERLIN).toInstant());
    }

    @Test
    void givenQaWindow_whenWednesdayEvening_thenNextOpeningIsNextMonday() {
        Instant wednesdayEvening = ZonedDateTime.of(2026, 11, 25, 18, 0, 0, 0, BERLIN).toInstant();
        assertThat(QA_WINDOW.nextOpening(wednesdayEvening))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, BERLIN).toInstant());
    }

    @Test
    void givenWindowInBerlin_whenDaylightSavingStarts_thenLocalHoursAreKept() {
        DeploymentWindow mondays = new DeploymentWindow(Set.of(DayOfWeek.MONDAY), LocalTime.NOON,
                LocalTime.of(13, 0), BERLIN);
        Instant sundayBeforeSwitchWeek = ZonedDateTime.of(2026, 3, 29, 20, 0, 0, 0, BERLIN).toInstant();
        // Berlin is UTC+2 from 29 March 2026, so noon is 10:00 UTC, not 11:00.
        assertThat(mondays.nextOpening(sundayBeforeSwitchWeek)).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
    }

    @Test
    void givenWindowEndingBeforeItStarts_whenCreated_thenInvalidLifecycle() {
        assertThatThrownBy(() -> new DeploymentWindow(Set.of(DayOfWeek.MONDAY), LocalTime.of(15, 0), LocalTime.NOON,
                BERLIN)).isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", "application.invalid-lifecycle");
        assertThatThrownBy(() -> new DeploymentWindow(Set.of(), LocalTime.NOON, LocalTime.of(15, 0), BERLIN))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
