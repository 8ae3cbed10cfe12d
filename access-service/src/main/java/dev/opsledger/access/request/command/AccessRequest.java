package dev.opsledger.access.request.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.command.AccessContext;
import dev.opsledger.access.grant.command.GrantSnapshot;
import dev.opsledger.access.request.api.AccessRequestApprovalGiven;
import dev.opsledger.access.request.api.AccessRequestApproved;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.access.request.api.AccessRequested;
import dev.opsledger.access.request.api.ApproveAccessRequest;
import dev.opsledger.access.request.api.CancelAccessRequest;
import dev.opsledger.access.request.api.ExpireAccessRequest;
import dev.opsledger.access.request.api.ExtensionApproved;
import dev.opsledger.access.request.api.RejectAccessRequest;
import dev.opsledger.access.request.api.RequestAccess;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person asking for access, or for more time on access they hold, until approvers decide, the
 * requester withdraws, or the deadline passes. The resource's rules ({@code AccessRules}) and the
 * platform's {@link Approvals} (four eyes, roles, deadline) decide; this aggregate turns their
 * verdicts into events. Provisioning is the grant's business, started by the grant saga.
 */
@Aggregate
public class AccessRequest {

    public static final String JUSTIFICATION_REQUIRED = "access-request.justification-required";
    public static final String ALREADY_ACTIVE = "access-request.already-active";
    public static final String NOT_EXTENDABLE = "access-request.not-extendable";
    public static final String NOT_YOURS = "access-request.not-yours";
    public static final String REASON_REQUIRED = "access-request.reason-required";

    @AggregateIdentifier
    private String requestId;
    private String grantId;
    private boolean extension;
    private String resourceId;
    private AccessTarget target;
    private Duration duration;
    private Actor requester;
    private Approvals approvals;

    protected AccessRequest() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public AccessRequest(RequestAccess command, AccessContext context, Clock clock) {
        if (command.justification() == null || command.justification().isBlank()) {
            throw BusinessRuleViolation.unprocessable(JUSTIFICATION_REQUIRED, "A request needs a justification");
        }
        Actor asking = command.requester();
        boolean extending = command.extendsGrantId() != null;
        GrantSnapshot extended = extending ? context.grant(command.extendsGrantId()) : null;
        var resource = context.resource(extending ? extended.resourceId() : command.resourceId());
        resource.rules().checkRequest(asking, command.duration());
        String grant = extending ? extended.grantId() : grantIdFor(command.requestId());
        if (extending) {
            requireExtendable(extended, asking);
        } else if (!context.claimGrant(asking.id(), resource.resourceId(), grant)) {
            throw BusinessRuleViolation.conflict(ALREADY_ACTIVE, "You already hold or await access to "
                    + resource.name() + "; ask for an extension of that grant instead");
        }
        Instant now = clock.instant();
        var policy = resource.rules().requestPolicy();
        Instant deadline = now.plus(policy.decisionTimeout());
        apply(new AccessRequested(command.requestId(), grant, extending, resource.resourceId(), resource.name(),
                resource.target(), command.duration(), command.justification(), asking, now, policy, deadline));
    }

    @CommandHandler
    public void handle(ApproveAccessRequest command, Clock clock) {
        Instant now = clock.instant();
        Approvals next = approvals.approve(command.approver(), command.comment(), now);
        apply(new AccessRequestApprovalGiven(requestId, command.approver(), command.comment(), now,
                next.approvalsStillNeeded()));
        if (next.isApproved()) {
            var names = next.decisions().stream().map(ApprovalDecision::approverName).toList();
            apply(extension
                    ? new ExtensionApproved(requestId, grantId, resourceId, requester.id(), duration, names, now)
                    : new AccessRequestApproved(requestId, grantId, resourceId, target, requester.id(),
                    requester.name(), duration, names, now));
        }
    }

    @CommandHandler
    public void handle(RejectAccessRequest command, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw BusinessRuleViolation.unprocessable(REASON_REQUIRED, "A rejection needs a reason");
        }
        Instant now = clock.instant();
        approvals.reject(command.approver(), command.reason(), now);
        apply(new AccessRequestRejected(requestId, grantId, extension, resourceId, requester.id(),
                command.approver(), command.reason(), now));
    }

    @CommandHandler
    public void handle(CancelAccessRequest command, Clock clock) {
        if (!command.cancelledBy().id().equals(requester.id())) {
            throw BusinessRuleViolation.forbidden(NOT_YOURS, "Only the requester may cancel a request");
        }
        if (!approvals.status().isOpen()) {
            throw BusinessRuleViolation.conflict(Approvals.CLOSED, "The request is already " + approvals.status());
        }
        apply(new AccessRequestCancelled(requestId, grantId, extension, resourceId, requester.id(),
                command.cancelledBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(ExpireAccessRequest command, Clock clock) {
        approvals.expire(clock.instant());
        apply(new AccessRequestExpired(requestId, grantId, extension, resourceId, requester.id(),
                approvals.deadline()));
    }

    /**
     * The grant a request for new access creates: derived, so a retried saga step opens the same
     * grant, and distinct, because one event store holds every aggregate's stream under its id.
     */
    public static String grantIdFor(String requestId) {
        return "grant-" + requestId;
    }

    private static void requireExtendable(GrantSnapshot grant, Actor asking) {
        if (!grant.userId().equals(asking.id())) {
            throw BusinessRuleViolation.forbidden(NOT_EXTENDABLE, "Only the grantee may extend a grant");
        }
        if (grant.status() != GrantStatus.ACTIVE) {
            throw BusinessRuleViolation.conflict(NOT_EXTENDABLE, "Only an active grant can be extended; this one is "
                    + grant.status());
        }
    }

    @EventSourcingHandler
    void on(AccessRequested event) {
        requestId = event.requestId();
        grantId = event.grantId();
        extension = event.extension();
        resourceId = event.resourceId();
        target = event.target();
        duration = event.duration();
        requester = event.requester();
        approvals = new Approvals(event.policy(), event.requester().id(), event.deadline(), List.of(),
                ApprovalStatus.PENDING);
    }

    @EventSourcingHandler
    void on(AccessRequestApprovalGiven event) {
        approvals = approvals.recordApproval(event.approver().id(), event.approver().name(), event.comment(),
                event.approvedAt());
    }

    @EventSourcingHandler
    void on(AccessRequestRejected event) {
        approvals = approvals.recordRejection(event.rejectedBy().id(), event.rejectedBy().name(), event.reason(),
                event.rejectedAt());
    }

    @EventSourcingHandler
    void on(AccessRequestExpired event) {
        approvals = approvals.recordExpiry();
    }

    @EventSourcingHandler
    void on(AccessRequestCancelled event) {
        // Approvals knows no "cancelled"; closing it as expired keeps every later decision refused.
        approvals = approvals.recordExpiry();
    }
}
