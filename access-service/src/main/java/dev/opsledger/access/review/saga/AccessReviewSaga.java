package dev.opsledger.access.review.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.access.grant.api.RevokeReviewedGrant;
import dev.opsledger.access.review.api.AccessReviewClosed;
import dev.opsledger.access.review.api.AccessReviewOpened;
import dev.opsledger.access.review.api.CloseAccessReview;
import dev.opsledger.access.review.api.ReviewDecision;
import dev.opsledger.access.review.api.ReviewItem;
import dev.opsledger.access.review.api.ReviewItemDecided;
import dev.opsledger.platform.actor.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Carries one access-review campaign to its deadline:
 * <ol>
 *   <li>when it opens, schedules its close at the deadline;</li>
 *   <li>revokes each grant a reviewer decides to revoke, at once;</li>
 *   <li>at the deadline closes the campaign, then revokes every grant nobody answered for, in the
 *       service's name, and ends.</li>
 * </ol>
 * A grant that ended meanwhile refuses the revocation ({@code grant.already-ended}); that is the
 * outcome wanted, so the refusal is left unanswered.
 */
@Saga
public class AccessReviewSaga {

    static final String REVIEW_ID = "reviewId";
    static final String DEADLINE = "access-review-deadline";
    static final Actor SERVICE = Actor.system("access-review");

    @JsonProperty
    private String reviewId;
    @JsonProperty
    private String name;

    @StartSaga
    @SagaEventHandler(associationProperty = REVIEW_ID)
    public void on(AccessReviewOpened event, DeadlineManager deadlines) {
        reviewId = event.reviewId();
        name = event.name();
        // Fires once and ends the saga, so it never needs cancelling.
        deadlines.schedule(event.deadline(), DEADLINE, reviewId);
    }

    @SagaEventHandler(associationProperty = REVIEW_ID)
    public void on(ReviewItemDecided event, CommandGateway commands) {
        if (event.decision() == ReviewDecision.REVOKE) {
            commands.send(new RevokeReviewedGrant(event.item().grantId(), reviewId, event.reviewer(),
                    "Access review '" + name + "': " + event.comment()));
        }
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    public void deadlinePassed(String review, CommandGateway commands) {
        commands.send(new CloseAccessReview(review));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REVIEW_ID)
    public void on(AccessReviewClosed event, CommandGateway commands) {
        for (ReviewItem item : event.unanswered()) {
            commands.send(new RevokeReviewedGrant(item.grantId(), reviewId, SERVICE,
                    "Access review '" + name + "': nobody kept this grant by " + event.closedAt()));
        }
    }
}
