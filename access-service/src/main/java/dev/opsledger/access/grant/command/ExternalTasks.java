package dev.opsledger.access.grant.command;

import dev.opsledger.access.grant.api.AccessTaskAnswerIgnored;
import dev.opsledger.access.grant.api.AccessTaskRequested;
import dev.opsledger.access.grant.api.AccessTaskStep;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.request.RequestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The automation tasks a grant on an external resource runs through, an entity of {@link Grant}
 * (ADR 017): which request it waits for, how many attempts each step has had, and what a task
 * receives. A grant waits for one answer at a time; any other answer — a second one, one after its
 * deadline, one to an earlier attempt — is recorded as {@link AccessTaskAnswerIgnored}.
 */
public class ExternalTasks {

    /** This service's id, which leads every request id it derives. */
    public static final String REQUESTER = "access";
    public static final String NOT_EXTERNAL = "grant.not-external";
    public static final String BY_TASK = "grant.provisioned-by-task";
    public static final String NOT_AWAITED = "grant.task-answer-not-awaited";

    private final String grantId;
    private final String resourceId;
    private final String userId;
    private final String userName;
    private final AccessTarget target;
    private final Duration duration;
    private final Map<AccessTaskStep, Integer> attempts = new EnumMap<>(AccessTaskStep.class);
    private String awaitedRequestId;
    private AccessTaskStep awaitedStep;

    ExternalTasks(GrantOpened opened) {
        this.grantId = opened.grantId();
        this.resourceId = opened.resourceId();
        this.userId = opened.userId();
        this.userName = opened.userName();
        this.target = opened.target();
        this.duration = opened.duration();
    }

    boolean external() {
        return !target.kind().isKeycloak();
    }

    /** Refuses a task step on a Keycloak resource, whose membership the saga adds itself. */
    void requireExternal() {
        if (!external()) {
            throw BusinessRuleViolation.conflict(NOT_EXTERNAL, "Resource " + resourceId
                    + " is provisioned in Keycloak, not by tasks");
        }
    }

    /** Refuses the Keycloak path's "done" on an external grant: only the task's answer counts there. */
    void requireKeycloak(String action) {
        if (external()) {
            throw BusinessRuleViolation.conflict(BY_TASK, "Grant " + grantId + " is on an external resource: "
                    + "only its task's answer may " + action);
        }
    }

    /**
     * The next request of {@code step}. Provisioning runs once (its failure is the grant's answer);
     * deprovisioning counts its attempts, each a new request id, so each retry is a new run.
     *
     * @param ending how the grant ends, for deprovisioning; {@code null} when provisioning
     */
    AccessTaskRequested request(AccessTaskStep step, GrantEnding ending, Instant now) {
        if (awaitedRequestId != null) {
            throw BusinessRuleViolation.conflict(GrantStatus.WRONG_STATE, "Grant " + grantId
                    + " still waits for the answer to " + awaitedRequestId);
        }
        if (step == AccessTaskStep.PROVISION && attempts.containsKey(step)) {
            throw BusinessRuleViolation.conflict(GrantStatus.WRONG_STATE, "Grant " + grantId
                    + " was already provisioned by its task once");
        }
        int attempt = attempts.getOrDefault(step, 0) + 1;
        // Automation's parameter naming (lower case, underscores); the two tasks declare these.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_id", grantId);
        parameters.put("user_id", userId);
        parameters.put("user_name", userName);
        parameters.put("resource_id", resourceId);
        String requestedBy;
        if (step == AccessTaskStep.PROVISION) {
            // The clock starts when the task succeeds, so the end is not known yet: the length is.
            parameters.put("duration", duration.toString());
            requestedBy = userId;
        } else {
            parameters.put("ended_at", ending.at().toString());
            parameters.put("end_reason", ending.reason().name());
            requestedBy = ending.endedBy().id();
        }
        return new AccessTaskRequested(grantId, step, RequestIds.of(REQUESTER, grantId, step.id(), attempt), attempt,
                step.taskOf(target), parameters, requestedBy, now);
    }

    /** The step whose answer {@code requestId} is awaited, if it is. */
    Optional<AccessTaskStep> awaiting(String requestId) {
        return requestId != null && requestId.equals(awaitedRequestId) ? Optional.of(awaitedStep) : Optional.empty();
    }

    AccessTaskStep awaited(String requestId) {
        return awaiting(requestId).orElseThrow(() -> BusinessRuleViolation.conflict(NOT_AWAITED, "Grant " + grantId
                + " does not wait for an answer to " + requestId));
    }

    int attempt(AccessTaskStep step) {
        return attempts.getOrDefault(step, 0);
    }

    AccessTaskAnswerIgnored ignore(String requestId, String answer, GrantStatus status) {
        String why = status.isEnded() ? "the grant already ended as " + status
                : awaitedRequestId == null ? "the grant is " + status + " and waits for no task answer"
                : "the grant waits for the answer to " + awaitedRequestId;
        return new AccessTaskAnswerIgnored(grantId, requestId, answer, why);
    }

    @EventSourcingHandler
    void on(AccessTaskRequested event) {
        attempts.put(event.step(), event.attempt());
        awaitedRequestId = event.requestId();
        awaitedStep = event.step();
    }

    // Each of these ends the wait: an answer came, its deadline passed, or the grant moved on.

    @EventSourcingHandler
    void on(GrantActivated event) {
        answered();
    }

    @EventSourcingHandler
    void on(GrantProvisioningFailed event) {
        answered();
    }

    @EventSourcingHandler
    void on(GrantEnding event) {
        answered();
    }

    @EventSourcingHandler
    void on(GrantDeprovisioningFailed event) {
        answered();
    }

    @EventSourcingHandler
    void on(GrantEnded event) {
        answered();
    }

    private void answered() {
        awaitedRequestId = null;
        awaitedStep = null;
    }
}
