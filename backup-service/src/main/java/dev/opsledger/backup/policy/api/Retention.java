package dev.opsledger.backup.policy.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Grandfather-father-son retention: keep the last {@code keepLast} backups, plus the newest
 * backup of each of the last {@code daily} days, {@code weekly} ISO weeks and {@code monthly}
 * months (in the policy's zone). Whatever the counts, the last good backup of the target is kept:
 * a target is never left with nothing that restores.
 */
public record Retention(int keepLast, int daily, int weekly, int monthly) {

    public static final int MAX_COUNT = 10_000;

    public Retention {
        for (int count : new int[] {keepLast, daily, weekly, monthly}) {
            if (count < 0 || count > MAX_COUNT) {
                throw InvalidPolicy.of(InvalidPolicy.INVALID_RETENTION, "retention",
                        "Retention counts are between 0 and " + MAX_COUNT);
            }
        }
        if (keepLast + daily + weekly + monthly == 0) {
            throw InvalidPolicy.of(InvalidPolicy.RETENTION_EMPTY, "retention",
                    "Retention that keeps nothing would delete every backup");
        }
    }

    /** A backup as retention sees it. {@code good}: succeeded and not failed verification. */
    public record Kept(String runId, Instant completedAt, boolean good) {
    }

    /**
     * The backups to expire now, of one target's unexpired successful backups.
     *
     * @param pinned runs a pending restore refers to: never expired
     */
    public List<String> toExpire(List<Kept> backups, Set<String> pinned, ZoneId zone) {
        List<Kept> newestFirst = backups.stream()
                .sorted(Comparator.comparing(Kept::completedAt).thenComparing(Kept::runId).reversed())
                .toList();
        Set<String> keep = new HashSet<>(pinned);
        newestFirst.stream().filter(Kept::good).findFirst().ifPresent(last -> keep.add(last.runId()));
        newestFirst.stream().limit(keepLast).forEach(kept -> keep.add(kept.runId()));
        keep.addAll(newestPer(newestFirst, daily, at -> at.atZone(zone).toLocalDate()));
        keep.addAll(newestPer(newestFirst, weekly, at -> {
            ZonedDateTime local = at.atZone(zone);
            return local.get(IsoFields.WEEK_BASED_YEAR) * 100 + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }));
        keep.addAll(newestPer(newestFirst, monthly, at -> {
            ZonedDateTime local = at.atZone(zone);
            return local.getYear() * 100 + local.getMonthValue();
        }));
        List<String> expire = new ArrayList<>();
        for (Kept backup : newestFirst) {
            if (!keep.contains(backup.runId())) {
                expire.add(backup.runId());
            }
        }
        return expire;
    }

    /** The newest good backup of each of the {@code count} most recent periods that have one. */
    private static Set<String> newestPer(List<Kept> newestFirst, int count, Function<Instant, Object> period) {
        Set<Object> periods = new LinkedHashSet<>();
        Set<String> kept = new HashSet<>();
        for (Kept backup : newestFirst) {
            if (!backup.good()) {
                continue;
            }
            Object key = period.apply(backup.completedAt());
            if (!periods.contains(key)) {
                if (periods.size() == count) {
                    break;
                }
                periods.add(key);
                kept.add(backup.runId());
            }
        }
        return kept;
    }
}
