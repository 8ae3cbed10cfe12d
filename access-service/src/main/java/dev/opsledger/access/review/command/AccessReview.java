package dev.opsledger.access.review.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.access.review.api.AccessReviewClosed;
import dev.opsledger.access.review.api.AccessReviewOpened;
import dev.opsledger.access.review.api.CloseAccessReview;
import dev.opsledger.access.review.api.DecideReviewItem;
import dev.opsledger.access.review.api.OpenAccessReview;
import dev.opsledger.access.review.api.ReviewDecision;
import dev.opsledger.access.review.api.ReviewItem;
import dev.opsledger.access.review.api.ReviewItemDecided;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An access-review campaign: every grant active when it opened is an item that a reviewer (one of
 * the campaign's roles, never the grantee) keeps or revokes, with a comment, before the deadline.
 * At the deadline the campaign closes, and the items nobody answered are revoked by the saga.
 */
@Aggregate
public class AccessReview {

    public static final String ADMIN_ONLY = "access-review.admin-only";
    public static final String INVALID = "access-review.invalid";
    public static final String NOTHING_TO_REVIEW = "access-review.nothing-to-review";
    public static final String CLOSED = "access-review.closed";
    public static final String NO_SUCH_ITEM = "access-review.no-such-item";
    public static final String ALREADY_DECIDED = "access-review.already-decided";
    public static final String ROLE_NOT_ALLOWED = "access-review.reviewer-role-not-allowed";
    public static final String SELF_REVIEW = "access-review.self-review";
    public static final String COMMENT_REQUIRED = "access-review.comment-required";
    public static final String NOT_YET_DUE = "access-review.not-yet-due";
    /** A quarter: long enough for a yearly campaign's slow reviewers, short enough to stay current. */
    public static final Duration LONGEST = Duration.ofDays(90);
    static final Set<String> ADMIN = Set.of("admin");

    @AggregateIdentifier
    private String reviewId;
    private Set<String> reviewerRoles;
    private Instant deadline;
    private boolean closed;
    /** Grant id → item; decided ones are in {@code decisions}. */
    private Map<String, ReviewItem> items;
    private Map<String, ReviewDecision> decisions;

    protected AccessReview() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public AccessReview(OpenAccessReview command, ReviewableGrants grants, Clock clock) {
        if (!command.admin().hasAnyRole(ADMIN)) {
            throw BusinessRuleViolation.forbidden(ADMIN_ONLY, "Only admins open access reviews");
        }
        Instant now = clock.instant();
        if (command.name() == null || command.name().isBlank()) {
            throw invalid("An access review needs a name");
        }
        if (command.reviewerRoles() == null || command.reviewerRoles().isEmpty()
                || command.reviewerRoles().stream().anyMatch(r -> r == null || r.isBlank())) {
            throw invalid("An access review needs at least one reviewer role");
        }
        if (command.deadline() == null || !command.deadline().isAfter(now)
                || command.deadline().isAfter(now.plus(LONGEST))) {
            throw invalid("The deadline must be in the future and at most " + LONGEST + " away");
        }
        List<ReviewItem> active = grants.activeGrants(command.resourceId());
        if (active.isEmpty()) {
            throw BusinessRuleViolation.conflict(NOTHING_TO_REVIEW, "No active grant to review");
        }
        apply(new AccessReviewOpened(command.reviewId(), command.name(), command.resourceId(),
                Set.copyOf(command.reviewerRoles()), command.deadline(), List.copyOf(active), command.admin(), now));
    }

    @CommandHandler
    public void handle(DecideReviewItem command, Clock clock) {
        Instant now = clock.instant();
        if (closed || !now.isBefore(deadline)) {
            throw BusinessRuleViolation.conflict(CLOSED, "The review closed at " + deadline);
        }
        ReviewItem item = items.get(command.grantId());
        if (item == null) {
            throw BusinessRuleViolation.noSuch(NO_SUCH_ITEM, "review item", command.grantId());
        }
        if (decisions.containsKey(item.grantId())) {
            throw BusinessRuleViolation.conflict(ALREADY_DECIDED, "This grant was already "
                    + decisions.get(item.grantId()));
        }
        Actor reviewer = command.reviewer();
        if (reviewer.id().equals(item.userId())) {
            throw BusinessRuleViolation.forbidden(SELF_REVIEW, "Nobody reviews their own access");
        }
        if (!reviewer.hasAnyRole(reviewerRoles)) {
            throw BusinessRuleViolation.forbidden(ROLE_NOT_ALLOWED, "Reviewing needs one of the roles "
                    + reviewerRoles);
        }
        if (command.decision() == null || command.comment() == null || command.comment().isBlank()) {
            throw BusinessRuleViolation.unprocessable(COMMENT_REQUIRED,
                    "A decision needs keep or revoke, and a comment");
        }
        apply(new ReviewItemDecided(reviewId, item, command.decision(), reviewer, command.comment(), now));
    }

    @CommandHandler
    public void handle(CloseAccessReview command, Clock clock) {
        if (closed) {
            throw BusinessRuleViolation.conflict(CLOSED, "The review is already closed");
        }
        Instant now = clock.instant();
        if (now.isBefore(deadline)) {
            throw BusinessRuleViolation.conflict(NOT_YET_DUE, "The review runs until " + deadline);
        }
        long kept = decisions.values().stream().filter(ReviewDecision.KEEP::equals).count();
        List<ReviewItem> unanswered = items.values().stream().filter(i -> !decisions.containsKey(i.grantId()))
                .toList();
        apply(new AccessReviewClosed(reviewId, (int) kept, decisions.size() - (int) kept, unanswered, now));
    }

    private static BusinessRuleViolation invalid(String message) {
        return BusinessRuleViolation.unprocessable(INVALID, message);
    }

    @EventSourcingHandler
    void on(AccessReviewOpened event) {
        reviewId = event.reviewId();
        reviewerRoles = event.reviewerRoles();
        deadline = event.deadline();
        items = new LinkedHashMap<>();
        event.items().forEach(item -> items.put(item.grantId(), item));
        decisions = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(ReviewItemDecided event) {
        decisions.put(event.item().grantId(), event.decision());
    }

    @EventSourcingHandler
    void on(AccessReviewClosed event) {
        closed = true;
    }
}
