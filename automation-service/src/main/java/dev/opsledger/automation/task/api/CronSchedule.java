package dev.opsledger.automation.task.api;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week), as crontab
 * reads it: lists, ranges, steps, {@code *}, month and day names; when both day fields are
 * restricted a day matches either. Our own (small) parser because the domain may depend on
 * nothing but Java and Axon, and Spring's {@code CronExpression} has six fields with seconds.
 */
public final class CronSchedule {

    public static final String INVALID = "task.schedule-invalid";
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** Far enough for any expression that can fire at all (Feb 29 on a Monday: every 28 years). */
    private static final int SEARCH_DAYS = 366 * 29;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronSchedule(String expression, String[] fields) {
        this.expression = expression;
        minutes = field(fields[0], 0, 59, null, "minute");
        hours = field(fields[1], 0, 23, null, "hour");
        daysOfMonth = field(fields[2], 1, 31, null, "day of month");
        months = field(fields[3], 1, 12, MONTHS, "month");
        BitSet week = field(fields[4], 0, 7, DAYS, "day of week");
        if (week.get(7)) {
            week.set(0);
        }
        daysOfWeek = week;
        dayOfMonthRestricted = !fields[2].equals("*");
        dayOfWeekRestricted = !fields[4].equals("*");
    }

    /** Parses {@code expression} or throws a 422 with code {@value #INVALID} on the field {@code schedule.cron}. */
    public static CronSchedule parse(String expression) {
        SpecViolations.plainText(expression, INVALID, "schedule.cron", 200);
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw invalid("a cron expression has five fields (minute hour day-of-month month day-of-week)");
        }
        return new CronSchedule(expression.trim(), fields);
    }

    public String expression() {
        return expression;
    }

    /** The first fire time strictly after {@code after}, in {@code zone}'s wall-clock time. */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
        ZonedDateTime time = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = time.plusDays(SEARCH_DAYS);
        while (time.isBefore(limit)) {
            if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(time)) {
                time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(time.getHour())) {
                time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(time.getMinute())) {
                time = time.plusMinutes(1);
            } else {
                return Optional.of(time);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime time) {
        boolean monthDay = daysOfMonth.get(time.getDayOfMonth());
        boolean weekDay = daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return monthDay || weekDay;
        }
        return monthDay && weekDay;
    }

    private static BitSet field(String text, int min, int max, String[] names, String what) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, null, what);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw invalid("'" + part + "' is not a range of " + what);
                }
                from = number(ends[0], min, max, names, what);
                to = number(ends[1], min, max, names, what);
            } else {
                from = number(range, min, max, names, what);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw invalid("'" + part + "' runs backwards in " + what);
            }
            for (int value = from; value <= to; value += step) {
                bits.set(value);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, String[] names, String what) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text.toUpperCase(Locale.ROOT))) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
            throw invalid("'" + text + "' is not a " + what);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw invalid(what + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static RuntimeException invalid(String message) {
        return SpecViolations.invalid(INVALID, "schedule.cron", message);
    }

    @Override
    public String toString() {
        return expression;
    }
}
