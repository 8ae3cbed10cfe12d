package dev.opsledger.access.grant.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.access.grant.api.AccessTaskRequested;
import dev.opsledger.access.grant.api.AccessTaskStep;
import dev.opsledger.access.grant.api.ActivateGrant;
import dev.opsledger.access.grant.api.BreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.BreakGlassReviewed;
import dev.opsledger.access.grant.api.CompleteDeprovisioning;
import dev.opsledger.access.grant.api.ExpireGrant;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantExtended;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.MarkBreakGlassReviewOverdue;
import dev.opsledger.access.grant.api.OpenGrant;
import dev.opsledger.access.grant.api.RecordDeprovisioningFailure;
import dev.opsledger.access.grant.api.RecordProvisioningFailure;
import dev.opsledger.access.grant.api.RequestAccessTask;
import dev.opsledger.access.grant.api.RetryBackoff;
import dev.opsledger.access.grant.api.TaskAnswerTimeout;
import dev.opsledger.access.grant.api.TimeOutAccessTask;
import dev.opsledger.access.grant.api.ExtendGrant;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.ExtensionApproved;
import dev.opsledger.access.resource.api.AccessTarget;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Carries one grant from approval to the end of its access:
 * <ol>
 *   <li>opens the grant when its request is approved (break-glass grants open themselves);</li>
 *   <li>adds the membership in Keycloak, retrying with backoff until it succeeds (deadline per
 *       retry), and only then activates the grant, which starts its clock;
 *       for an external resource, asks the grant to request its provisioning task instead and waits
 *       for the answer (deadline: the task answer timeout); the grant activates itself on success;</li>
 *   <li>waits for the expiry (deadline at the expiry, moved by each approved extension);</li>
 *   <li>when the grant ends (expired, revoked, released), removes the membership and ends the
 *       user's sessions, retrying until Keycloak confirms, and only then records the end;
 *       for an external resource, asks for the deprovisioning task, and after a failed or missing
 *       answer asks again at the retry time the grant recorded, each time as a new attempt;</li>
 *   <li>for break-glass access, waits for its review until the review deadline.</li>
 * </ol>
 * The aggregate checks every step again; the saga decides when to ask and talks to Keycloak.
 */
@Saga
public class GrantSaga {

    static final String GRANT_ID = "grantId";
    static final String PROVISION_RETRY = "grant-provision-retry";
    static final String EXPIRY = "grant-expiry";
    static final String DEPROVISION_RETRY = "grant-deprovision-retry";
    static final String REVIEW_DEADLINE = "grant-break-glass-review";
    static final String TASK_ANSWER = "grant-task-answer";

    // Stored with Jackson in the saga store; fields are private, hence @JsonProperty.
    @JsonProperty
    private String grantId;
    @JsonProperty
    private String userId;
    @JsonProperty
    private AccessTarget target;
    @JsonProperty
    private int attempts;
    @JsonProperty
    private boolean ended;
    @JsonProperty
    private boolean reviewPending;
    // JobRunr (open source) cancels a deadline only by its id, so the ids are kept.
    @JsonProperty
    private String retryDeadlineId;
    @JsonProperty
    private String expiryDeadlineId;
    @JsonProperty
    private String reviewDeadlineId;
    @JsonProperty
    private String answerDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(AccessRequestApproved event, CommandGateway commands) {
        commands.send(new OpenGrant(event.grantId(), event.requestId(), event.resourceId(), event.target(),
                event.userId(), event.userName(), event.duration(), event.approvers()));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantOpened event, CommandGateway commands, DeadlineManager deadlines, Memberships memberships,
                   Clock clock) {
        grantId = event.grantId();
        userId = event.userId();
        target = event.target();
        if (event.breakGlass()) {
            reviewPending = true;
            reviewDeadlineId = deadlines.schedule(event.reviewDeadline(), REVIEW_DEADLINE, grantId);
        }
        provision(commands, deadlines, memberships, clock);
    }

    @DeadlineHandler(deadlineName = PROVISION_RETRY)
    public void provisionRetryDue(String grant, CommandGateway commands, DeadlineManager deadlines,
                                  Memberships memberships, Clock clock) {
        // This deadline has fired; cancelling it later would delete the job that is running it.
        retryDeadlineId = null;
        provision(commands, deadlines, memberships, clock);
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(AccessTaskRequested event, DeadlineManager deadlines, TaskAnswerTimeout timeout) {
        answerDeadlineId = cancel(deadlines, TASK_ANSWER, answerDeadlineId);
        answerDeadlineId = deadlines.schedule(event.requestedAt().plus(timeout.duration()), TASK_ANSWER,
                event.requestId());
    }

    @DeadlineHandler(deadlineName = TASK_ANSWER)
    public void taskAnswerDue(String requestId, CommandGateway commands) {
        answerDeadlineId = null;
        commands.send(new TimeOutAccessTask(grantId, requestId));
    }

    /** Keycloak: the saga recorded the failure and retries. External: final; only the answer deadline goes. */
    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantProvisioningFailed event, DeadlineManager deadlines) {
        answerDeadlineId = cancel(deadlines, TASK_ANSWER, answerDeadlineId);
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantActivated event, DeadlineManager deadlines) {
        attempts = 0;
        answerDeadlineId = cancel(deadlines, TASK_ANSWER, answerDeadlineId);
        expiryDeadlineId = deadlines.schedule(event.expiresAt(), EXPIRY, grantId);
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(ExtensionApproved event, CommandGateway commands) {
        commands.send(new ExtendGrant(event.grantId(), event.requestId(), event.duration()));
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantExtended event, DeadlineManager deadlines) {
        expiryDeadlineId = cancel(deadlines, EXPIRY, expiryDeadlineId);
        expiryDeadlineId = deadlines.schedule(event.expiresAt(), EXPIRY, grantId);
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    public void expiryDue(String grant, CommandGateway commands) {
        expiryDeadlineId = null;
        commands.send(new ExpireGrant(grant));
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantEnding event, CommandGateway commands, DeadlineManager deadlines, Memberships memberships,
                   Clock clock) {
        expiryDeadlineId = cancel(deadlines, EXPIRY, expiryDeadlineId);
        retryDeadlineId = cancel(deadlines, PROVISION_RETRY, retryDeadlineId);
        answerDeadlineId = cancel(deadlines, TASK_ANSWER, answerDeadlineId);
        attempts = 0;
        deprovision(commands, deadlines, memberships, clock);
    }

    /**
     * Keycloak: the saga recorded this failure itself and already scheduled the retry. External: the
     * task failed or its answer never came; the grant chose the retry time, the saga keeps it.
     */
    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantDeprovisioningFailed event, DeadlineManager deadlines) {
        answerDeadlineId = cancel(deadlines, TASK_ANSWER, answerDeadlineId);
        if (external()) {
            retryDeadlineId = cancel(deadlines, DEPROVISION_RETRY, retryDeadlineId);
            retryDeadlineId = deadlines.schedule(event.retryAt(), DEPROVISION_RETRY, grantId);
        }
    }

    @DeadlineHandler(deadlineName = DEPROVISION_RETRY)
    public void deprovisionRetryDue(String grant, CommandGateway commands, DeadlineManager deadlines,
                                    Memberships memberships, Clock clock) {
        retryDeadlineId = null;
        deprovision(commands, deadlines, memberships, clock);
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(GrantEnded event, DeadlineManager deadlines) {
        ended = true;
        retryDeadlineId = cancel(deadlines, DEPROVISION_RETRY, retryDeadlineId);
        answerDeadlineId = cancel(deadlines, TASK_ANSWER, answerDeadlineId);
        endIfDone();
    }

    @DeadlineHandler(deadlineName = REVIEW_DEADLINE)
    public void reviewDue(String grant, CommandGateway commands) {
        reviewDeadlineId = null;
        commands.send(new MarkBreakGlassReviewOverdue(grant));
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(BreakGlassReviewed event, DeadlineManager deadlines) {
        reviewPending = false;
        reviewDeadlineId = cancel(deadlines, REVIEW_DEADLINE, reviewDeadlineId);
        endIfDone();
    }

    @SagaEventHandler(associationProperty = GRANT_ID)
    public void on(BreakGlassReviewOverdue event) {
        reviewPending = false;
        endIfDone();
    }

    private void provision(CommandGateway commands, DeadlineManager deadlines, Memberships memberships, Clock clock) {
        if (external()) {
            commands.send(new RequestAccessTask(grantId, AccessTaskStep.PROVISION));
            return;
        }
        try {
            memberships.add(userId, target);
            commands.send(new ActivateGrant(grantId));
        } catch (RuntimeException failure) {
            Instant retryAt = scheduleRetry(deadlines, PROVISION_RETRY, clock);
            commands.send(new RecordProvisioningFailure(grantId, reasonOf(failure), attempts, retryAt));
        }
    }

    private void deprovision(CommandGateway commands, DeadlineManager deadlines, Memberships memberships,
                             Clock clock) {
        if (external()) {
            commands.send(new RequestAccessTask(grantId, AccessTaskStep.DEPROVISION));
            return;
        }
        try {
            memberships.remove(userId, target);
            commands.send(new CompleteDeprovisioning(grantId));
        } catch (RuntimeException failure) {
            Instant retryAt = scheduleRetry(deadlines, DEPROVISION_RETRY, clock);
            commands.send(new RecordDeprovisioningFailure(grantId, reasonOf(failure), attempts, retryAt));
        }
    }

    private Instant scheduleRetry(DeadlineManager deadlines, String name, Clock clock) {
        attempts++;
        Instant retryAt = clock.instant().plus(RetryBackoff.after(attempts));
        retryDeadlineId = deadlines.schedule(retryAt, name, grantId);
        return retryAt;
    }

    private boolean external() {
        return !target.kind().isKeycloak();
    }

    private void endIfDone() {
        if (ended && !reviewPending) {
            SagaLifecycle.end();
        }
    }

    private static String reasonOf(RuntimeException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Cancels the deadline if one is scheduled; returns the id to keep (none). */
    private static String cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
        return null;
    }
}
