package dev.opsledger.access.grant.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.access.grant.api.AccessTaskStep;
import dev.opsledger.access.grant.api.AccessTokenLifespan;
import dev.opsledger.access.grant.api.ActivateGrant;
import dev.opsledger.access.grant.api.BreakGlassAccess;
import dev.opsledger.access.grant.api.CompleteDeprovisioning;
import dev.opsledger.access.grant.api.EndReason;
import dev.opsledger.access.grant.api.ExpireGrant;
import dev.opsledger.access.grant.api.ExtendGrant;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantExtended;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.api.OpenGrant;
import dev.opsledger.access.grant.api.RecordAccessTaskOutcome;
import dev.opsledger.access.grant.api.RecordDeprovisioningFailure;
import dev.opsledger.access.grant.api.RecordProvisioningFailure;
import dev.opsledger.access.grant.api.ReleaseGrant;
import dev.opsledger.access.grant.api.RequestAccessTask;
import dev.opsledger.access.grant.api.RetryBackoff;
import dev.opsledger.access.grant.api.RevokeGrant;
import dev.opsledger.access.grant.api.RevokeReviewedGrant;
import dev.opsledger.access.grant.api.TimeOutAccessTask;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Access a user holds on a resource: provisioning → active until expiry (the clock starts when
 * Keycloak has the membership, or the external resource's provisioning task succeeded) → ending
 * (expired, revoked or released) → ended once the membership is gone. The grant saga talks to
 * Keycloak and reports back; for external resources the grant asks automation-service itself and
 * its tasks' answers come back as commands ({@link ExternalTasks}, ADR 017). This aggregate keeps
 * the order of things. Break-glass grants carry their review in {@link BreakGlassReview}.
 */
@Aggregate
public class Grant {

    public static final String NOT_GRANTEE = "grant.not-grantee";
    public static final String ALREADY_ACTIVE = "grant.already-active";

    @AggregateIdentifier
    private String grantId;
    private String resourceId;
    private String userId;
    private GrantStatus status;
    private Term term;
    /** How it is ending, once it is: carried into {@link GrantEnded}. */
    private GrantEnding ending;
    @AggregateMember
    private BreakGlassReview review;
    @AggregateMember
    private ExternalTasks tasks;

    protected Grant() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Grant(OpenGrant command, Clock clock) {
        apply(new GrantOpened(command.grantId(), command.requestId(), command.resourceId(), command.target(),
                command.userId(), command.userName(), command.duration(), command.approvers(), false, null, Set.of(),
                null, clock.instant()));
    }

    @CommandHandler
    public Grant(BreakGlassAccess command, AccessContext context, Clock clock) {
        BreakGlassReview.requireJustification(command.justification());
        var resource = context.resource(command.resourceId());
        var breakGlass = resource.rules().breakGlassFor(command.taker());
        Actor taker = command.taker();
        if (!context.claimGrant(taker.id(), resource.resourceId(), command.grantId())) {
            throw BusinessRuleViolation.conflict(ALREADY_ACTIVE, "You already hold or await access to "
                    + resource.name());
        }
        Instant now = clock.instant();
        apply(new GrantOpened(command.grantId(), null, resource.resourceId(), resource.target(), taker.id(),
                taker.name(), breakGlass.duration(), List.of(), true, command.justification(),
                resource.rules().approvalPolicy().approverRoles(), now.plus(BreakGlassReview.WINDOW), now));
    }

    @CommandHandler
    public void handle(ActivateGrant command, Clock clock) {
        status.require(status.isProvisioning(), "become active");
        tasks.requireKeycloak("activate it");
        activate(clock.instant());
    }

    @CommandHandler
    public void handle(RequestAccessTask command, Clock clock) {
        tasks.requireExternal();
        boolean provisioning = command.step() == AccessTaskStep.PROVISION;
        status.require(provisioning ? status == GrantStatus.PROVISIONING : status.isEnding(),
                "run its " + command.step().id() + " task");
        apply(tasks.request(command.step(), provisioning ? null : ending, clock.instant()));
    }

    @CommandHandler
    public void handle(RecordAccessTaskOutcome command, Clock clock, AccessTokenLifespan tokens) {
        var step = tasks.awaiting(command.requestId());
        if (step.isEmpty()) {
            apply(tasks.ignore(command.requestId(), command.summary(), status));
        } else {
            taskAnswered(step.get(), command.succeeded(), command.summary(), clock.instant(), tokens);
        }
    }

    @CommandHandler
    public void handle(TimeOutAccessTask command, Clock clock, AccessTokenLifespan tokens) {
        AccessTaskStep step = tasks.awaited(command.requestId());
        taskAnswered(step, false, step.answerMissing(), clock.instant(), tokens);
    }

    @CommandHandler
    public void handle(RecordProvisioningFailure command) {
        status.require(status.isProvisioning(), "fail to provision");
        apply(new GrantProvisioningFailed(grantId, command.reason(), command.attempt(), command.retryAt()));
    }

    @CommandHandler
    public void handle(ExtendGrant command) {
        status.require(status == GrantStatus.ACTIVE, "be extended");
        apply(new GrantExtended(grantId, command.requestId(), resourceId, userId, term.expiresAt(),
                term.extendedBy(command.duration())));
    }

    @CommandHandler
    public void handle(ExpireGrant command, Clock clock) {
        status.require(status == GrantStatus.ACTIVE, "expire");
        Instant now = clock.instant();
        term.requireDue(now);
        apply(new GrantEnding(grantId, EndReason.EXPIRED, Actor.system("grant-saga"), null, now));
    }

    @CommandHandler
    public void handle(RevokeGrant command, AccessContext context, Clock clock) {
        Revocation.check(command.revokedBy(), command.revokerTeams(), context.resource(resourceId).owningTeam(),
                command.reason());
        status.requireMayEnd();
        apply(new GrantEnding(grantId, EndReason.REVOKED, command.revokedBy(), command.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(RevokeReviewedGrant command, Clock clock) {
        Revocation.requireReason(command.reason());
        status.requireMayEnd();
        apply(new GrantEnding(grantId, EndReason.REVOKED, command.decidedBy(), command.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseGrant command, Clock clock) {
        if (!command.grantee().id().equals(userId)) {
            throw BusinessRuleViolation.forbidden(NOT_GRANTEE, "Only the grantee may release a grant");
        }
        status.requireMayEnd();
        apply(new GrantEnding(grantId, EndReason.RELEASED, command.grantee(), null, clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteDeprovisioning command, Clock clock, AccessTokenLifespan tokens) {
        status.require(status.isEnding(), "finish deprovisioning");
        tasks.requireKeycloak("end it");
        end(clock.instant(), tokens);
    }

    @CommandHandler
    public void handle(RecordDeprovisioningFailure command) {
        status.require(status.isEnding(), "fail to deprovision");
        apply(new GrantDeprovisioningFailed(grantId, resourceId, userId, command.reason(), command.attempt(),
                command.retryAt()));
    }

    /**
     * Provisioning: success starts the clock, failure leaves the grant not active with the reason (no
     * retry: the task said no; the grantee releases it or an admin revokes it, which deprovisions).
     * Deprovisioning: success ends the grant, failure is retried by the saga at the recorded time.
     */
    private void taskAnswered(AccessTaskStep step, boolean succeeded, String reason, Instant now,
                              AccessTokenLifespan tokens) {
        int attempt = tasks.attempt(step);
        if (step == AccessTaskStep.PROVISION) {
            if (succeeded) {
                activate(now);
            } else {
                apply(new GrantProvisioningFailed(grantId, reason, attempt, null));
            }
        } else if (succeeded) {
            end(now, tokens);
        } else {
            apply(new GrantDeprovisioningFailed(grantId, resourceId, userId, reason, attempt,
                    now.plus(RetryBackoff.after(attempt))));
        }
    }

    private void activate(Instant now) {
        apply(new GrantActivated(grantId, resourceId, userId, now, term.expiryWhenActivatedAt(now)));
    }

    private void end(Instant now, AccessTokenLifespan tokens) {
        apply(new GrantEnded(grantId, resourceId, userId, ending.reason(), ending.endedBy(), ending.comment(), now,
                tokens.effectiveUntil(now)));
    }

    public GrantSnapshot snapshot() {
        return new GrantSnapshot(grantId, resourceId, userId, status);
    }

    @EventSourcingHandler
    void on(GrantOpened event) {
        grantId = event.grantId();
        resourceId = event.resourceId();
        userId = event.userId();
        term = Term.of(event.duration());
        status = GrantStatus.PROVISIONING;
        review = new BreakGlassReview(event);
        tasks = new ExternalTasks(event);
    }

    @EventSourcingHandler
    void on(GrantActivated event) {
        status = GrantStatus.ACTIVE;
        term = term.endingAt(event.expiresAt());
    }

    @EventSourcingHandler
    void on(GrantProvisioningFailed event) {
        status = GrantStatus.PROVISION_FAILED;
    }

    @EventSourcingHandler
    void on(GrantExtended event) {
        term = term.endingAt(event.expiresAt());
    }

    @EventSourcingHandler
    void on(GrantEnding event) {
        status = GrantStatus.DEPROVISIONING;
        ending = event;
    }

    @EventSourcingHandler
    void on(GrantDeprovisioningFailed event) {
        status = GrantStatus.DEPROVISION_FAILED;
    }

    @EventSourcingHandler
    void on(GrantEnded event) {
        status = event.reason().status();
    }
}
