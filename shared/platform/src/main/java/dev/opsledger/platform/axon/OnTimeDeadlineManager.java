package dev.opsledger.platform.axon;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;

/**
 * Axon's JobRunr deadline manager, made never to fire a deadline before it is due.
 *
 * <p>JobRunr's background server looks for scheduled jobs once per poll interval and enqueues
 * every job due before <em>now + poll interval</em>, so that none is late; the price is that a job
 * runs up to one poll interval <em>early</em>. A deadline is a rule's moment (a grant expires, a
 * decision is overdue): an aggregate refuses an early expiry ({@code not-yet-due}), and since a
 * deadline fires only once, an early firing would leave the thing open for good.
 *
 * <p>Scheduling each job one poll interval after the deadline turns "up to one interval early"
 * into "at the first poll after the deadline": never early, at most one interval late. Every
 * {@code schedule} overload of {@link org.axonframework.deadline.DeadlineManager} ends here, so
 * sagas and aggregates pass the rule's own moment and need not know about polling (ADR 070).
 * Jobs still run {@link JobRunrDeadlineManager#execute(String, String)}; jobs stored before this
 * class existed run unchanged.
 */
public class OnTimeDeadlineManager extends JobRunrDeadlineManager {

    private final Duration pollInterval;

    /**
     * @param builder      the configured JobRunr deadline manager
     * @param pollInterval the background job server's poll interval: how early JobRunr may run a job
     */
    public OnTimeDeadlineManager(Builder builder, Duration pollInterval) {
        super(builder);
        if (pollInterval == null || pollInterval.isNegative()) {
            throw new IllegalArgumentException("the poll interval must be zero or positive");
        }
        this.pollInterval = pollInterval;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        return super.schedule(triggerDateTime.plus(pollInterval), deadlineName, messageOrPayload, deadlineScope);
    }

    /** How much later than its deadline each job is scheduled. */
    public Duration pollInterval() {
        return pollInterval;
    }
}
