package dev.opsledger.access.grant.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.access.grant.api.BreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.BreakGlassReviewed;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.MarkBreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.ReviewBreakGlass;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The mandatory review after break-glass access, an entity of {@link Grant}: one reviewer holding
 * one of the resource's approver roles, never the person who took the access, before the deadline;
 * after it, the review is overdue, recorded as an event of its own.
 */
class BreakGlassReview {

    /** How long reviewers have after break-glass access was taken. */
    static final Duration WINDOW = Duration.ofHours(24);
    public static final String NOT_BREAK_GLASS = "break-glass.no-review";
    public static final String CLOSED = "break-glass.review-closed";
    public static final String SELF_REVIEW = "break-glass.self-review";
    public static final String ROLE_NOT_ALLOWED = "break-glass.reviewer-role-not-allowed";
    public static final String COMMENT_REQUIRED = "break-glass.comment-required";

    private final boolean breakGlass;
    private String grantId;
    private String resourceId;
    private String takerId;
    private Set<String> reviewerRoles;
    private Instant deadline;
    private boolean closed;

    @CommandHandler
    void handle(ReviewBreakGlass command, Clock clock) {
        requireOpen();
        if (command.reviewer().id().equals(takerId)) {
            throw BusinessRuleViolation.forbidden(SELF_REVIEW, "Nobody reviews their own break-glass access");
        }
        if (!command.reviewer().hasAnyRole(reviewerRoles)) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED, "Reviewing needs one of the roles "
                    + reviewerRoles);
        }
        if (command.comment() == null || command.comment().isBlank()) {
            throw BusinessRuleViolation.unprocessable(COMMENT_REQUIRED, "A review needs a comment");
        }
        apply(new BreakGlassReviewed(grantId, command.reviewer(), command.justified(), command.comment(),
                clock.instant()));
    }

    @CommandHandler
    void handle(MarkBreakGlassReviewOverdue command, Clock clock) {
        requireOpen();
        if (clock.instant().isBefore(deadline)) {
            throw BusinessRuleViolation.conflict(CLOSED, "The review is due by " + deadline);
        }
        apply(new BreakGlassReviewOverdue(grantId, resourceId, takerId, deadline));
    }

    private void requireOpen() {
        if (!breakGlass) {
            throw BusinessRuleViolation.conflict(NOT_BREAK_GLASS, "Only break-glass access is reviewed");
        }
        if (closed) {
            throw BusinessRuleViolation.conflict(CLOSED, "The break-glass review is already closed");
        }
    }

    /** Every grant has one, so a review of an ordinary grant is refused by a rule, not a routing failure. */
    BreakGlassReview(GrantOpened opened) {
        breakGlass = opened.breakGlass();
        grantId = opened.grantId();
        resourceId = opened.resourceId();
        takerId = opened.userId();
        reviewerRoles = opened.reviewerRoles();
        deadline = opened.reviewDeadline();
    }

    @EventSourcingHandler
    void on(BreakGlassReviewed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(BreakGlassReviewOverdue event) {
        closed = true;
    }
}
