package dev.opsledger.backup.policy.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) read in a time
 * zone, so "every day at 02:00 Europe/Berlin" stays at 02:00 local time across daylight saving.
 * Fields take {@code *}, numbers, ranges {@code a-b}, lists {@code a,b} and steps {@code *}/n or
 * {@code a-b/n}; day of week 0–7 with 0 and 7 both Sunday. As in classic cron, when both day
 * fields are restricted a day matching either one fires. Written here rather than borrowed from a
 * framework so the domain stays free of Spring (ArchitectureTest).
 */
public record CronSchedule(String cron, String zone) {

    private static final int MAX_DAYS_AHEAD = 366 * 5;

    public CronSchedule {
        if (zone == null || zone.isBlank()) {
            throw InvalidPolicy.of(InvalidPolicy.INVALID_ZONE, "zone", "A time zone is needed, e.g. Europe/Berlin");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw InvalidPolicy.of(InvalidPolicy.INVALID_ZONE, "zone", "Unknown time zone");
        }
        Fields.parse(cron);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** The first firing strictly after {@code after}. */
    public Instant next(Instant after) {
        Fields fields = Fields.parse(cron);
        ZoneId zoneId = zoneId();
        LocalDateTime t = LocalDateTime.ofInstant(after, zoneId).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = t.plusDays(MAX_DAYS_AHEAD);
        while (t.isBefore(limit)) {
            if (!fields.months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).toLocalDate().atStartOfDay().plusMonths(1);
            } else if (!fields.dayMatches(t)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!fields.hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!fields.minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                Instant candidate = ZonedDateTime.of(t, zoneId).toInstant();
                if (candidate.isAfter(after)) {
                    return candidate;
                }
                t = t.plusMinutes(1);
            }
        }
        // Only a date that never comes (30 February) gets here; parse refuses those up front.
        throw InvalidPolicy.of(InvalidPolicy.INVALID_CRON, "cron", "The schedule never fires");
    }

    private record Fields(BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
                          boolean daysRestricted, boolean weekdaysRestricted) {

        static Fields parse(String cron) {
            if (cron == null || cron.isBlank() || cron.length() > 200) {
                throw invalid("A cron expression of five fields is needed, e.g. */15 * * * *");
            }
            String[] parts = cron.trim().split("\\s+");
            if (parts.length != 5) {
                throw invalid("A cron expression has five fields: minute hour day-of-month month day-of-week");
            }
            BitSet weekdays = field(parts[4], 0, 7);
            if (weekdays.get(7)) {
                weekdays.set(0);
            }
            Fields fields = new Fields(field(parts[0], 0, 59), field(parts[1], 0, 23), field(parts[2], 1, 31),
                    field(parts[3], 1, 12), weekdays, !parts[2].equals("*"), !parts[4].equals("*"));
            if (!fields.canFire()) {
                throw invalid("The schedule never fires");
            }
            return fields;
        }

        boolean dayMatches(LocalDateTime t) {
            boolean day = days.get(t.getDayOfMonth());
            boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
            if (daysRestricted && weekdaysRestricted) {
                return day || weekday;
            }
            return day && weekday;
        }

        /** Some day of some month exists with a matching day of month (no 31 February only). */
        private boolean canFire() {
            if (weekdaysRestricted && daysRestricted) {
                return true;
            }
            int[] longest = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            for (int month = months.nextSetBit(1); month >= 0; month = months.nextSetBit(month + 1)) {
                if (days.nextSetBit(1) <= longest[month] && days.nextSetBit(1) > 0) {
                    return true;
                }
            }
            return false;
        }

        private static BitSet field(String text, int min, int max) {
            BitSet set = new BitSet(max + 1);
            for (String part : text.split(",", -1)) {
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = number(part.substring(slash + 1), 1, max);
                    range = part.substring(0, slash);
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] bounds = range.split("-", -1);
                    if (bounds.length != 2) {
                        throw invalid("Bad range " + part);
                    }
                    from = number(bounds[0], min, max);
                    to = number(bounds[1], min, max);
                    if (from > to) {
                        throw invalid("Bad range " + part);
                    }
                } else {
                    from = number(range, min, max);
                    to = slash >= 0 ? max : from;
                }
                for (int value = from; value <= to; value += step) {
                    set.set(value);
                }
            }
            return set;
        }

        private static int number(String text, int min, int max) {
            if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
                throw invalid("'" + text + "' is not a number between " + min + " and " + max);
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw invalid(value + " is outside " + min + "–" + max);
            }
            return value;
        }

        private static RuntimeException invalid(String message) {
            return InvalidPolicy.of(InvalidPolicy.INVALID_CRON, "cron", message);
        }
    }
}
