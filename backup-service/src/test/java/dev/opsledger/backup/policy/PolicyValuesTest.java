package dev.opsledger.backup.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.backup.policy.api.BackupPolicySettings;
import dev.opsledger.backup.policy.api.CronSchedule;
import dev.opsledger.backup.policy.api.InvalidPolicy;
import dev.opsledger.backup.policy.api.MissedRuns;
import dev.opsledger.backup.policy.api.Retention;
import dev.opsledger.backup.support.Fixtures;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyValuesTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T10:07:00Z");

    @Test
    void givenEveryQuarterHour_whenNextAsked_thenTheNextQuarter() {
        CronSchedule schedule = new CronSchedule("*/15 * * * *", "UTC");
        assertThat(schedule.next(MONDAY)).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
        assertThat(schedule.next(Instant.parse("2026-03-02T10:15:00Z"))).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
    }

    @Test
    void givenMondayAndWednesdayNoonInBerlin_whenNextAsked_thenLocalNoonOnWednesday() {
        CronSchedule qa = new CronSchedule("0 12 * * 1,3", "Europe/Berlin");
        assertThat(qa.next(MONDAY)).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(qa.next(Instant.parse("2026-03-02T11:00:00Z"))).isEqualTo(Instant.parse("2026-03-04T11:00:00Z"));
    }

    @Test
    void givenDailyAtTwoInBerlin_whenDaylightSavingStarts_thenTheHourThatDoesNotExistIsShifted() {
        CronSchedule nightly = new CronSchedule("30 2 * * *", "Europe/Berlin");
        // 29 March 2026: 02:00 local becomes 03:00; the 02:30 slot happens at 03:30 local (01:30 UTC).
        assertThat(nightly.next(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * *", "61 * * * *", "*/0 * * * *", "a * * * *", "5-1 * * * *", "0 0 31 2 *", ""})
    void givenBadCron_whenBuilt_thenInvalidCron(String cron) {
        assertThatThrownBy(() -> new CronSchedule(cron, "UTC"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(InvalidPolicy.INVALID_CRON));
    }

    @Test
    void givenUnknownZone_whenBuilt_thenInvalidZone() {
        assertThatThrownBy(() -> new CronSchedule("0 * * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(InvalidPolicy.INVALID_ZONE));
    }

    @Test
    void givenAllZeroRetention_whenBuilt_thenRetentionEmpty() {
        assertThatThrownBy(() -> new Retention(0, 0, 0, 0))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(InvalidPolicy.RETENTION_EMPTY));
    }

    @Test
    void givenNonPositiveRpo_whenSettingsBuilt_thenRpoNotPositive() {
        for (Duration rpo : new Duration[] {Duration.ZERO, Duration.ofHours(-1), Duration.ofDays(367)}) {
            assertThatThrownBy(() -> new BackupPolicySettings(Fixtures.settings().schedule(),
                    Fixtures.settings().retention(), rpo, Fixtures.settings().verification(), Fixtures.ONE_APPROVER,
                    false, MissedRuns.CATCH_UP, Duration.ofMinutes(5), null))
                    .isInstanceOfSatisfying(BusinessRuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(InvalidPolicy.RPO_NOT_POSITIVE));
        }
    }

    @Test
    void givenTenHourlyBackupsAndKeepThree_whenRetentionApplied_thenTheSevenOldestExpire() {
        List<Retention.Kept> backups = hourly(10, true);
        List<String> expired = new Retention(3, 0, 0, 0).toExpire(backups, Set.of(), ZoneOffset.UTC);
        assertThat(expired).containsExactly("run-6", "run-5", "run-4", "run-3", "run-2", "run-1", "run-0");
    }

    @Test
    void givenDailyBackupsForTwoWeeks_whenKeepingSevenDailyAndTwoWeekly_thenGrandfatherFatherSon() {
        List<Retention.Kept> backups = new ArrayList<>();
        for (int day = 0; day < 14; day++) {
            backups.add(new Retention.Kept("day-" + day, Instant.parse("2026-03-01T02:00:00Z").plus(Duration.ofDays(day)),
                    true));
        }
        List<String> expired = new Retention(0, 7, 3, 0).toExpire(backups, Set.of(), ZoneOffset.UTC);
        // Sunday 1 March to Saturday 14 March: the last seven days (8–14 March) are kept daily; the three
        // ISO weeks keep their newest: 14 March, Sunday 8 March, and Sunday 1 March (the week before).
        assertThat(expired).containsExactlyInAnyOrder("day-1", "day-2", "day-3", "day-4", "day-5", "day-6");
    }

    @Test
    void givenTheOnlyGoodBackupIsOld_whenRetentionKeepsOneNewest_thenTheLastGoodBackupSurvives() {
        List<Retention.Kept> backups = new ArrayList<>(hourly(1, true));
        backups.add(new Retention.Kept("broken", Instant.parse("2026-03-02T05:00:00Z"), false));
        List<String> expired = new Retention(1, 0, 0, 0).toExpire(backups, Set.of(), ZoneOffset.UTC);
        assertThat(expired).isEmpty();
    }

    @Test
    void givenAPinnedOldBackup_whenRetentionApplied_thenItIsKept() {
        List<String> expired = new Retention(1, 0, 0, 0).toExpire(hourly(3, true), Set.of("run-0"), ZoneOffset.UTC);
        assertThat(expired).containsExactly("run-1");
    }

    private static List<Retention.Kept> hourly(int count, boolean good) {
        List<Retention.Kept> backups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            backups.add(new Retention.Kept("run-" + i, Instant.parse("2026-03-02T00:00:00Z").plus(Duration.ofHours(i)),
                    good));
        }
        return backups;
    }
}
