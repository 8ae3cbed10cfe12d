package dev.opsledger.release.promotion.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.request.RequestIds;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.promotion.api.DeployTaskFailed;
import dev.opsledger.release.promotion.api.DeployTaskSucceeded;
import dev.opsledger.release.promotion.api.DeploymentFailed;
import dev.opsledger.release.promotion.api.PromotionAnswerIgnored;
import dev.opsledger.release.promotion.api.PromotionBackupFailed;
import dev.opsledger.release.promotion.api.PromotionBackupRequested;
import dev.opsledger.release.promotion.api.PromotionBackupTaken;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionDeployRunRecorded;
import dev.opsledger.release.promotion.api.PromotionDeployTaskRequested;
import dev.opsledger.release.promotion.api.PromotionStatus;
import dev.opsledger.release.promotion.api.PromotionStep;
import dev.opsledger.release.promotion.api.PromotionTarget;
import dev.opsledger.release.promotion.api.RecordBackupOutcome;
import dev.opsledger.release.promotion.api.RecordDeployOutcome;
import dev.opsledger.release.promotion.api.RecordDeployProgress;
import dev.opsledger.release.promotion.api.RequestDeployTask;
import dev.opsledger.release.promotion.api.TakePreDeployBackup;
import dev.opsledger.release.promotion.api.TimeOutBackup;
import dev.opsledger.release.promotion.api.TimeOutDeployment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What a promotion asks of other services, an entity of {@link Promotion}: the pre-deploy backup
 * (backup-service) and the deploy task's run (automation-service), and their answers. Each request
 * is an event with a request id derived from the promotion and the attempt ({@link RequestIds}); the
 * platform sends it and turns the answers back into the {@code Record…} commands here. An answer the
 * promotion no longer waits for (after its deadline, a second one, for an earlier request) is recorded
 * as {@link PromotionAnswerIgnored} and changes nothing.
 */
class PromotionDelivery {

    /** This service's id, which leads every request id it derives. */
    static final String REQUESTER = "release";
    static final String BACKUP_STEP = "backup";
    static final String DEPLOY_STEP = "deploy";
    /** One attempt per promotion: a new try is a new promotion, so its request ids are new too. */
    static final int ATTEMPT = 1;

    private final String promotionId;
    private final PromotionTarget target;
    private final EnvironmentRules rules;
    private final String requesterId;
    private PromotionStatus status = PromotionStatus.REQUESTED;
    private String backupRequestId;
    private boolean backupTaken;
    private String deployRequestId;
    private String deployRunId;
    private boolean awaitingApproval;

    PromotionDelivery(String promotionId, PromotionTarget target, EnvironmentRules rules, String requesterId) {
        this.promotionId = promotionId;
        this.target = target;
        this.rules = rules;
        this.requesterId = requesterId;
    }

    @CommandHandler
    void handle(TakePreDeployBackup command) {
        if (!status.isReadyToDeploy() || rules.backupPolicyRef() == null || backupTaken) {
            throw PromotionErrors.wrongState(status, "take a pre-deploy backup");
        }
        apply(new PromotionBackupRequested(promotionId, target,
                RequestIds.of(REQUESTER, promotionId, BACKUP_STEP, ATTEMPT), rules.backupPolicyRef(),
                requesterId));
    }

    @CommandHandler
    void handle(RecordBackupOutcome command) {
        String answer = "backup " + (command.succeeded() ? "succeeded" : "failed: " + command.reason())
                + (command.backupRunId() == null ? "" : " (run " + command.backupRunId() + ")");
        if (!status.isBackingUp() || !command.requestId().equals(backupRequestId)) {
            ignore(command.requestId(), answer);
        } else if (command.succeeded()) {
            apply(new PromotionBackupTaken(promotionId, target, backupRequestId, command.backupRunId(),
                    command.sha256()));
        } else {
            apply(new PromotionBackupFailed(promotionId, target, backupRequestId, command.backupRunId(),
                    command.reason()));
        }
    }

    @CommandHandler
    void handle(TimeOutBackup command) {
        if (!status.isBackingUp()) {
            throw PromotionErrors.wrongState(status, "time out its backup");
        }
        apply(new PromotionBackupFailed(promotionId, target, backupRequestId, null,
                PromotionCodes.BACKUP_ANSWER_MISSING));
    }

    @CommandHandler
    void handle(RequestDeployTask command, PromotionContext context) {
        if (!status.isDeploying() || rules.deployTaskRef() == null || deployRequestId != null) {
            throw PromotionErrors.wrongState(status, "request its deploy task");
        }
        var release = context.release(target.releaseId());
        String requestId = RequestIds.of(REQUESTER, promotionId, DEPLOY_STEP, ATTEMPT);
        // Names follow automation's parameter rule (lower case, underscores); a task declares those it uses.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("application", target.applicationId());
        parameters.put("environment", target.environment());
        parameters.put("version", target.version());
        parameters.put("commit", release.commitSha());
        parameters.put("artifact", release.artifactReference());
        parameters.put("promotion_id", promotionId);
        apply(new PromotionDeployTaskRequested(promotionId, target, requestId, rules.deployTaskRef(), parameters,
                requesterId));
    }

    @CommandHandler
    void handle(RecordDeployProgress command) {
        if (!status.isDeploying() || !command.requestId().equals(deployRequestId)) {
            ignore(command.requestId(), "deploy run " + command.runId()
                    + (command.awaitingApproval() ? " awaits approval" : " progressed"));
        } else if (!command.runId().equals(deployRunId) || command.awaitingApproval() != awaitingApproval) {
            apply(new PromotionDeployRunRecorded(promotionId, target, deployRequestId, command.runId(),
                    command.awaitingApproval()));
        }
    }

    @CommandHandler
    void handle(RecordDeployOutcome command) {
        String runId = command.runId() != null ? command.runId() : deployRunId;
        if (!status.isDeploying() || !command.requestId().equals(deployRequestId)) {
            ignore(command.requestId(), "deploy " + command.outcome() + (runId == null ? "" : " (run " + runId + ")"));
        } else if (command.succeeded()) {
            apply(new DeployTaskSucceeded(promotionId, target, runId, command.exitCode(), logUrl(runId)));
        } else {
            apply(new DeployTaskFailed(promotionId, target, runId, command.outcome(), command.exitCode(),
                    command.reason(), logUrl(runId)));
        }
    }

    /** The result deadline: by hand it fails the deployment, through a task it names the missing answer. */
    @CommandHandler
    void handle(TimeOutDeployment command) {
        if (!status.isDeploying()) {
            throw PromotionErrors.wrongState(status, "time out");
        }
        if (deployRequestId == null) {
            apply(new DeploymentFailed(promotionId, target, Actor.system("promotion-saga"),
                    "No deployment result was recorded within " + rules.resultTimeout()));
        } else {
            apply(new DeployTaskFailed(promotionId, target, deployRunId, "ANSWER_MISSING", null,
                    PromotionCodes.DEPLOY_ANSWER_MISSING, logUrl(deployRunId)));
        }
    }

    /** A deployment the environment's task carries out is not confirmed by hand. */
    void requireDeployedByHand() {
        if (rules.deployTaskRef() != null) {
            throw BusinessRuleViolation.conflict(PromotionCodes.DEPLOYED_BY_TASK, "Environment "
                    + target.environment() + " is deployed by task " + rules.deployTaskRef()
                    + "; its run records the result");
        }
    }

    /** The pre-deploy backup, when the environment asks for one, comes before the deployment. */
    void requireBackupTaken() {
        if (rules.backupPolicyRef() != null && !backupTaken) {
            throw PromotionErrors.wrongState(status, "start deploying before its backup was taken");
        }
    }

    private void ignore(String requestId, String answer) {
        String why = status.isTerminal() ? "the promotion already ended as " + status
                : "the promotion is " + status + " and does not wait for this answer";
        apply(new PromotionAnswerIgnored(promotionId, requestId, answer, why));
    }

    /** Through the gateway, where people read it; the run id alone names it in automation-service. */
    static String logUrl(String runId) {
        return runId == null ? null : "/api/automation/task-runs/" + runId + "/log";
    }

    /** One handler for every step: Axon calls only the most specific handler of an event per entity. */
    @EventSourcingHandler
    void on(PromotionStep event) {
        status = event.status();
        switch (event) {
            case PromotionBackupRequested e -> backupRequestId = e.requestId();
            case PromotionBackupTaken e -> backupTaken = true;
            case PromotionDeployRunRecorded e -> {
                deployRunId = e.runId();
                awaitingApproval = e.awaitingApproval();
            }
            default -> {
                // Other steps only move the status.
            }
        }
    }

    @EventSourcingHandler
    void on(PromotionDeployTaskRequested event) {
        deployRequestId = event.requestId();
    }
}
