package dev.opsledger.automation.task.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a task runs by itself: a cron expression read in a time zone ("0 12 * * MON,WED" in
 * Europe/Berlin is noon in Berlin, summer and winter), and what to do with fire times missed
 * while the service was down.
 */
public record Schedule(String cron, String zone, Misfire misfire) {

    public static final String INVALID_ZONE = "task.schedule-zone-invalid";

    /** Checks the expression and the zone; the record itself stays a plain value for replays. */
    public Schedule validated() {
        CronSchedule.parse(cron);
        zoneId();
        if (misfire == null) {
            throw SpecViolations.invalid(CronSchedule.INVALID, "schedule.misfire", "a schedule needs a misfire rule");
        }
        return this;
    }

    public ZoneId zoneId() {
        SpecViolations.plainText(zone, INVALID_ZONE, "schedule.zone", 100);
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw SpecViolations.invalid(INVALID_ZONE, "schedule.zone", "'" + zone + "' is not a time zone");
        }
    }

    /** The first fire time strictly after {@code after}; empty for an expression that never fires. */
    public Optional<Instant> nextAfter(Instant after) {
        ZoneId zoneId = zoneId();
        return CronSchedule.parse(cron).next(after.atZone(zoneId), zoneId).map(time -> time.toInstant());
    }
}
