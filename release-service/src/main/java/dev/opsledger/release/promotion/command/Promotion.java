package dev.opsledger.release.promotion.command;

import static dev.opsledger.release.promotion.command.PromotionErrors.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.promotion.api.CancelPromotion;
import dev.opsledger.release.promotion.api.ConfirmDeployment;
import dev.opsledger.release.promotion.api.DeploymentFailed;
import dev.opsledger.release.promotion.api.DeploymentStarted;
import dev.opsledger.release.promotion.api.DeploymentSucceeded;
import dev.opsledger.release.promotion.api.FreezeOverridden;
import dev.opsledger.release.promotion.api.OverrideFreeze;
import dev.opsledger.release.promotion.api.PromotionApproved;
import dev.opsledger.release.promotion.api.PromotionAwaitingApproval;
import dev.opsledger.release.promotion.api.PromotionCancelled;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionRequested;
import dev.opsledger.release.promotion.api.PromotionStatus;
import dev.opsledger.release.promotion.api.PromotionStep;
import dev.opsledger.release.promotion.api.PromotionTarget;
import dev.opsledger.release.promotion.api.PromotionWaitingForWindow;
import dev.opsledger.release.promotion.api.ReportDeploymentFailure;
import dev.opsledger.release.promotion.api.RequestPromotion;
import dev.opsledger.release.promotion.api.RollBackRelease;
import dev.opsledger.release.promotion.api.StartDeployment;
import dev.opsledger.release.promotion.api.WaitForWindow;
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
 * A release entering one environment; its own aggregate (ADR 002) so one promotion's approvals,
 * waiting and result never contend with another's. Entry rules live in {@link PromotionEntry},
 * windows and freezes in {@link DeploymentGate}, approvals in the {@link PromotionApproval} entity,
 * what it asks of backup- and automation-service in the {@link PromotionDelivery} entity, and the
 * lifecycle in {@link PromotionStatus}. Time comes from the injected {@link Clock}.
 */
@Aggregate
public class Promotion {

    static final String RELEASE_MANAGER = "release-manager";
    static final String ADMIN = "admin";

    @AggregateIdentifier
    private String promotionId;
    private PromotionTarget target;
    private EnvironmentRules rules;
    private DeploymentGate gate;
    private Actor requestedBy;
    private PromotionStatus status;
    @AggregateMember
    private PromotionApproval approval;
    @AggregateMember
    private PromotionDelivery delivery;

    protected Promotion() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Promotion(RequestPromotion command, PromotionContext context, Clock clock) {
        var release = context.release(command.releaseId());
        var entry = PromotionEntry.forward(release, context.application(release.applicationId()),
                command.environment());
        open(command.promotionId(), entry, command.requestedBy(), null, context, clock);
    }

    @CommandHandler
    public Promotion(RollBackRelease command, PromotionContext context, Clock clock) {
        requireText(command.reason(), PromotionCodes.REASON_REQUIRED, "A rollback needs a reason");
        var current = context.release(command.releaseId());
        var entry = PromotionEntry.rollback(current, context.application(current.applicationId()),
                command.environment(), context::release);
        open(command.promotionId(), entry, command.requestedBy(), command.reason(), context, clock);
    }

    @CommandHandler
    public void handle(CancelPromotion command) {
        requireStatus(status.isBeforeDeployment(), "be cancelled");
        Actor actor = command.cancelledBy();
        if (!actor.id().equals(requestedBy.id()) && !actor.hasAnyRole(Set.of(RELEASE_MANAGER, ADMIN))) {
            throw PromotionErrors.roleNotAllowed("cancel someone else's promotion", "release managers and admins");
        }
        apply(new PromotionCancelled(promotionId, target, actor, command.reason()));
    }

    @CommandHandler
    public void handle(OverrideFreeze command, Clock clock) {
        requireRole(command.admin(), ADMIN, "override a freeze");
        requireStatus(status.isBeforeDeployment(), "have a freeze overridden");
        requireText(command.reason(), PromotionCodes.REASON_REQUIRED, "A freeze override needs a reason");
        gate.requireOverridableAt(clock.instant());
        apply(new FreezeOverridden(promotionId, target, command.admin(), command.reason()));
    }

    @CommandHandler
    public void handle(WaitForWindow command) {
        requireStatus(status.isReadyToDeploy(), "wait for a deployment window");
        apply(new PromotionWaitingForWindow(promotionId, target, command.until(), command.reason()));
    }

    @CommandHandler
    public void handle(StartDeployment command, Clock clock) {
        requireStatus(status.isReadyToDeploy(), "start deploying");
        delivery.requireBackupTaken();
        gate.requireOpenAt(clock.instant());
        apply(new DeploymentStarted(promotionId, target));
    }

    @CommandHandler
    public void handle(ConfirmDeployment command) {
        requireResultMayBeRecorded(command.recordedBy());
        requireText(command.evidenceUrl(), PromotionCodes.REASON_REQUIRED, "A deployment needs an evidence link");
        apply(new DeploymentSucceeded(promotionId, target, command.recordedBy(), command.evidenceUrl()));
    }

    @CommandHandler
    public void handle(ReportDeploymentFailure command) {
        requireResultMayBeRecorded(command.recordedBy());
        requireText(command.reason(), PromotionCodes.REASON_REQUIRED, "A failure needs a reason");
        apply(new DeploymentFailed(promotionId, target, command.recordedBy(), command.reason()));
    }

    private void open(String id, PromotionEntry entry, Actor requester, String reason, PromotionContext context,
                      Clock clock) {
        var release = entry.release();
        if (!context.claimEnvironment(release.applicationId(), entry.environment(), id)) {
            throw BusinessRuleViolation.conflict(PromotionCodes.ALREADY_ACTIVE,
                    "Another promotion to " + entry.environment() + " is under way");
        }
        Instant now = clock.instant();
        var promoted = new PromotionTarget(release.applicationId(), release.releaseId(), release.version(),
                entry.environment());
        apply(new PromotionRequested(id, promoted, entry.lifecycleVersion(), entry.rules(), requester, now,
                entry.rollbackOf(), reason));
        if (entry.rules().requiresApproval()) {
            var policy = entry.rules().approvalPolicy();
            apply(new PromotionAwaitingApproval(id, promoted, policy, requester.id(),
                    now.plus(policy.decisionTimeout())));
        } else {
            apply(new PromotionApproved(id, promoted, List.of()));
        }
    }

    private void requireStatus(boolean allowed, String action) {
        if (!allowed) {
            throw PromotionErrors.wrongState(status, action);
        }
    }

    private void requireRole(Actor actor, String role, String action) {
        if (!actor.hasAnyRole(Set.of(role))) {
            throw PromotionErrors.roleNotAllowed(action, role + "s");
        }
    }

    private void requireResultMayBeRecorded(Actor actor) {
        requireRole(actor, RELEASE_MANAGER, "record a deployment result");
        requireStatus(status.isDeploying(), "record a deployment result");
        delivery.requireDeployedByHand();
    }

    @EventSourcingHandler
    void on(PromotionRequested event) {
        promotionId = event.promotionId();
        target = event.target();
        rules = event.rules();
        gate = DeploymentGate.of(rules);
        requestedBy = event.requestedBy();
        status = event.status();
        // Created here, not on the approval event, so every approval command finds an entity
        // that can answer "not awaiting approval" instead of a routing failure.
        approval = new PromotionApproval();
        delivery = new PromotionDelivery(promotionId, target, rules, requestedBy.id());
    }

    /** Every other step, the end included, names the state it leads to. */
    @EventSourcingHandler
    void on(PromotionStep event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(FreezeOverridden event) {
        gate = gate.overridden();
    }
}
