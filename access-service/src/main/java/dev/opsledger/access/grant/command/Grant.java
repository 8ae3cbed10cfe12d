package dev.opsledger.access.grant.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import dev.opsledger.access.grant.api.RecordDeprovisioningFailure;
import dev.opsledger.access.grant.api.RecordProvisioningFailure;
import dev.opsledger.access.grant.api.ReleaseGrant;
import dev.opsledger.access.grant.api.RevokeGrant;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Duration;
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
 * Keycloak has the membership) → ending (expired, revoked or released) → ended once the membership
 * is gone. The grant saga talks to Keycloak and reports back; this aggregate keeps the order of
 * things. Break-glass grants carry their review in {@link BreakGlassReview}.
 */
@Aggregate
public class Grant {

    public static final String WRONG_STATE = "grant.wrong-state";
    public static final String ALREADY_ENDED = "grant.already-ended";
    public static final String NOT_YET_DUE = "grant.not-yet-due";
    public static final String NOT_GRANTEE = "grant.not-grantee";
    public static final String REVOKE_NOT_ALLOWED = "grant.revoke-not-allowed";
    public static final String REASON_REQUIRED = "grant.reason-required";
    public static final String ALREADY_ACTIVE = "grant.already-active";
    static final String ADMIN = "admin";

    @AggregateIdentifier
    private String grantId;
    private String resourceId;
    private String userId;
    private Duration duration;
    private GrantStatus status;
    private Instant expiresAt;
    private EndReason ending;
    @AggregateMember
    private BreakGlassReview review;

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
        if (command.justification() == null || command.justification().isBlank()) {
            throw BusinessRuleViolation.unprocessable(REASON_REQUIRED, "Break-glass access needs a justification");
        }
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
        requireStatus(status.isProvisioning(), "become active");
        Instant now = clock.instant();
        apply(new GrantActivated(grantId, resourceId, userId, now, now.plus(duration)));
    }

    @CommandHandler
    public void handle(RecordProvisioningFailure command) {
        requireStatus(status.isProvisioning(), "fail to provision");
        apply(new GrantProvisioningFailed(grantId, command.reason(), command.attempt(), command.retryAt()));
    }

    @CommandHandler
    public void handle(ExtendGrant command) {
        requireStatus(status == GrantStatus.ACTIVE, "be extended");
        apply(new GrantExtended(grantId, command.requestId(), expiresAt, expiresAt.plus(command.duration())));
    }

    @CommandHandler
    public void handle(ExpireGrant command, Clock clock) {
        requireStatus(status == GrantStatus.ACTIVE, "expire");
        Instant now = clock.instant();
        if (now.isBefore(expiresAt)) {
            throw BusinessRuleViolation.conflict(NOT_YET_DUE, "The grant runs until " + expiresAt);
        }
        apply(new GrantEnding(grantId, EndReason.EXPIRED, Actor.system("grant-saga"), null, now));
    }

    @CommandHandler
    public void handle(RevokeGrant command, Clock clock) {
        if (!command.revokedBy().hasAnyRole(Set.of(ADMIN))) {
            throw BusinessRuleViolation.forbidden(REVOKE_NOT_ALLOWED, "Only admins may revoke a grant");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw BusinessRuleViolation.unprocessable(REASON_REQUIRED, "A revocation needs a reason");
        }
        requireMayEnd();
        apply(new GrantEnding(grantId, EndReason.REVOKED, command.revokedBy(), command.reason(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseGrant command, Clock clock) {
        if (!command.grantee().id().equals(userId)) {
            throw BusinessRuleViolation.forbidden(NOT_GRANTEE, "Only the grantee may release a grant");
        }
        requireMayEnd();
        apply(new GrantEnding(grantId, EndReason.RELEASED, command.grantee(), null, clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteDeprovisioning command, Clock clock, AccessTokenLifespan tokens) {
        requireStatus(status.isEnding(), "finish deprovisioning");
        Instant now = clock.instant();
        apply(new GrantEnded(grantId, resourceId, userId, ending, now, tokens.effectiveUntil(now)));
    }

    @CommandHandler
    public void handle(RecordDeprovisioningFailure command) {
        requireStatus(status.isEnding(), "fail to deprovision");
        apply(new GrantDeprovisioningFailed(grantId, command.reason(), command.attempt(), command.retryAt()));
    }

    private void requireMayEnd() {
        if (status.isEnded() || status.isEnding()) {
            throw BusinessRuleViolation.conflict(ALREADY_ENDED, "The grant is already " + status);
        }
    }

    private void requireStatus(boolean allowed, String action) {
        if (!allowed) {
            throw BusinessRuleViolation.conflict(WRONG_STATE, "A grant that is " + status + " cannot " + action);
        }
    }

    public GrantSnapshot snapshot() {
        return new GrantSnapshot(grantId, resourceId, userId, status);
    }

    @EventSourcingHandler
    void on(GrantOpened event) {
        grantId = event.grantId();
        resourceId = event.resourceId();
        userId = event.userId();
        duration = event.duration();
        status = GrantStatus.PROVISIONING;
        review = new BreakGlassReview(event);
    }

    @EventSourcingHandler
    void on(GrantActivated event) {
        status = GrantStatus.ACTIVE;
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(GrantProvisioningFailed event) {
        status = GrantStatus.PROVISION_FAILED;
    }

    @EventSourcingHandler
    void on(GrantExtended event) {
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(GrantEnding event) {
        status = GrantStatus.DEPROVISIONING;
        ending = event.reason();
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
