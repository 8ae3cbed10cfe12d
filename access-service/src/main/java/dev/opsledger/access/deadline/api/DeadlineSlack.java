package dev.opsledger.access.deadline.api;

import java.time.Duration;
import java.time.Instant;

/**
 * How much later than a rule's moment a deadline is scheduled. JobRunr enqueues a scheduled job as
 * soon as it falls within the next poll interval, so a deadline can fire up to one interval early;
 * the aggregates refuse to expire or close anything early ({@code not-yet-due}), and a deadline
 * fires only once. Scheduling one interval late makes the first firing count (ADR 016).
 */
public record DeadlineSlack(Duration slack) {

    public static final DeadlineSlack NONE = new DeadlineSlack(Duration.ZERO);

    public DeadlineSlack {
        if (slack == null || slack.isNegative()) {
            throw new IllegalArgumentException("deadline slack must be zero or positive");
        }
    }

    /** When to schedule the deadline of something due {@code at}. */
    public Instant after(Instant at) {
        return at.plus(slack);
    }
}
