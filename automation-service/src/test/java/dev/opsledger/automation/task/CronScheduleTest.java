package dev.opsledger.automation.task;

import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.automation.task.api.CronSchedule;
import dev.opsledger.automation.task.api.Misfire;
import dev.opsledger.automation.task.api.Schedule;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void givenTheQaBuildMondayAndWednesdayNoonInBerlin_whenAskedOnTuesday_thenWednesdayNoonBerlinTime() {
        Schedule qa = new Schedule("0 12 * * MON,WED", "Europe/Berlin", Misfire.SKIP);
        assertThat(qa.nextAfter(Instant.parse("2026-03-03T09:00:00Z")))
                .contains(Instant.parse("2026-03-04T11:00:00Z"));
        // Summer time: noon in Berlin is 10:00 UTC.
        assertThat(qa.nextAfter(Instant.parse("2026-07-01T10:00:00Z")))
                .contains(Instant.parse("2026-07-06T10:00:00Z"));
    }

    @Test
    void givenStepsAndRanges_whenAsked_thenTheNextMatchingMinute() {
        Schedule everyQuarter = new Schedule("*/15 9-17 * * 1-5", "UTC", Misfire.RUN_ONCE);
        assertThat(everyQuarter.nextAfter(Instant.parse("2026-03-06T17:50:00Z")))
                .contains(Instant.parse("2026-03-09T09:00:00Z"));
    }

    @Test
    void givenBothDayFieldsRestricted_whenAsked_thenEitherMatches() {
        Schedule firstOrFriday = new Schedule("0 0 1 * FRI", "UTC", Misfire.RUN_ONCE);
        assertThat(firstOrFriday.nextAfter(Instant.parse("2026-03-01T00:00:00Z")))
                .contains(Instant.parse("2026-03-06T00:00:00Z"));
    }

    @Test
    void givenTheThirtiethOfFebruary_whenAsked_thenNever() {
        assertThat(new Schedule("0 0 30 2 *", "UTC", Misfire.SKIP).nextAfter(Instant.EPOCH)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * *", "60 * * * *", "* 24 * * *", "5-1 * * * *", "*/0 * * * *",
            "* * * FOO *", "1,,2 * * * *", "99999999999 * * * *", "* * * * * *", "0 12 * * MON\u0000"})
    void givenAnExpressionThatDoesNotParse_whenParsed_thenScheduleInvalid(String expression) {
        assertThatThrownBy(() -> CronSchedule.parse(expression))
                .satisfies(failure -> org.hamcrest.MatcherAssert.assertThat(failure, violation(CronSchedule.INVALID)));
    }
}
