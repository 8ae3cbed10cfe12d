package dev.opsledger.release.application.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When deployments to an environment may start, e.g. "Mon and Wed 12:00–15:00 Europe/Berlin".
 * Times are wall-clock times in {@link #zone()}, so a window keeps its local hours across
 * daylight-saving changes. {@code from} is inclusive, {@code to} exclusive; windows do not cross
 * midnight (two windows express that).
 */
public record DeploymentWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

    public DeploymentWindow {
        if (days == null || days.isEmpty()) {
            throw Lifecycle.invalid("A deployment window needs at least one weekday");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(zone, "zone");
        if (from == null || to == null || !from.isBefore(to)) {
            throw Lifecycle.invalid("A deployment window must start before it ends on the same day");
        }
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** {@code instant} itself when open, otherwise the next moment the window opens. */
    public Instant nextOpening(Instant instant) {
        if (isOpen(instant)) {
            return instant;
        }
        LocalDate today = instant.atZone(zone).toLocalDate();
        // Eight days reach the same weekday again, so some day in range always matches.
        for (int offset = 0; offset <= 7; offset++) {
            LocalDate day = today.plusDays(offset);
            Instant opening = ZonedDateTime.of(day, from, zone).toInstant();
            if (days.contains(day.getDayOfWeek()) && opening.isAfter(instant)) {
                return opening;
            }
        }
        throw new IllegalStateException("No opening within a week for " + this);
    }
}
