package dev.opsledger.release.promotion.saga;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.opsledger.release.application.api.DeploymentSlot;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.RecordDeployment;
import dev.opsledger.release.promotion.api.DeploymentStarted;
import dev.opsledger.release.promotion.api.ExpirePromotion;
import dev.opsledger.release.promotion.api.FreezeOverridden;
import dev.opsledger.release.promotion.api.PromotionApproved;
import dev.opsledger.release.promotion.api.PromotionAwaitingApproval;
import dev.opsledger.release.promotion.api.PromotionBackupRequested;
import dev.opsledger.release.promotion.api.PromotionBackupTaken;
import dev.opsledger.release.promotion.api.PromotionEnded;
import dev.opsledger.release.promotion.api.PromotionRequested;
import dev.opsledger.release.promotion.api.PromotionStatus;
import dev.opsledger.release.promotion.api.PromotionTarget;
import dev.opsledger.release.promotion.api.PromotionWaitingForWindow;
import dev.opsledger.release.promotion.api.RequestDeployTask;
import dev.opsledger.release.promotion.api.StartDeployment;
import dev.opsledger.release.promotion.api.TakePreDeployBackup;
import dev.opsledger.release.promotion.api.TimeOutBackup;
import dev.opsledger.release.promotion.api.TimeOutDeployment;
import dev.opsledger.release.promotion.api.WaitForWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Walks one promotion from request to result:
 * <ol>
 *   <li>waits for approvals until their deadline, then expires the promotion;</li>
 *   <li>once approved, waits for the next deployment slot: inside a window and outside every
 *       freeze, unless an admin overrode the freezes;</li>
 *   <li>when the environment has a backup policy, asks backup-service for a pre-deploy backup and
 *       waits for its answer until the result timeout (a failed or missing backup fails the
 *       promotion); with the backup taken, looks for the slot again;</li>
 *   <li>starts the deployment; when the environment has a deploy task, asks automation-service to run
 *       it, and its run's answer ends the promotion; otherwise waits for a release manager to record
 *       the result. Either way the result timeout fails a deployment nobody answered for;</li>
 *   <li>on success, records in the application which release now runs in the environment.</li>
 * </ol>
 * Every waiting step has a deadline. The aggregate checks every step again, so the saga only
 * decides when to ask.
 */
@Saga
public class PromotionSaga {

    static final String PROMOTION_ID = "promotionId";
    static final String APPROVAL_DEADLINE = "promotion-approval-deadline";
    static final String DEPLOYMENT_SLOT = "promotion-deployment-slot";
    static final String RESULT_DEADLINE = "promotion-result-deadline";
    static final String BACKUP_DEADLINE = "promotion-backup-deadline";
    /**
     * After asking to start, look again this much later: if the window closed between planning
     * and starting, the start was refused and this re-plans instead of waiting forever.
     */
    static final Duration START_RECHECK = Duration.ofMinutes(1);

    // Deadlines carry the promotion id as payload: Axon treats a handler's first parameter as the
    // payload, so the resources (gateway, deadline manager, clock) can only follow it.
    // Stored with Jackson in the saga store; fields are private, hence @JsonProperty.
    @JsonProperty
    private String promotionId;
    @JsonProperty
    private PromotionTarget target;
    @JsonProperty
    private EnvironmentRules rules;
    @JsonProperty
    private boolean approved;
    @JsonProperty
    private boolean freezeOverridden;
    // Ids of the scheduled deadlines: JobRunr (open source) can only cancel a deadline by its id,
    // not "everything of this name within the saga" (cancelAllWithinScope needs JobRunr Pro).
    @JsonProperty
    private String approvalDeadlineId;
    @JsonProperty
    private String slotDeadlineId;
    @JsonProperty
    private String resultDeadlineId;
    @JsonProperty
    private String backupDeadlineId;
    @JsonProperty
    private boolean backupTaken;

    @StartSaga
    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionRequested event) {
        promotionId = event.promotionId();
        target = event.target();
        rules = event.rules();
    }

    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionAwaitingApproval event, DeadlineManager deadlines) {
        approvalDeadlineId = deadlines.schedule(event.deadline(), APPROVAL_DEADLINE, promotionId);
    }

    @DeadlineHandler(deadlineName = APPROVAL_DEADLINE)
    public void approvalDeadlinePassed(String promotion, CommandGateway commands) {
        // This deadline has fired; cancelling it later would delete the job that is running it.
        approvalDeadlineId = null;
        commands.send(new ExpirePromotion(promotion));
    }

    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionApproved event, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        approved = true;
        approvalDeadlineId = cancel(deadlines, APPROVAL_DEADLINE, approvalDeadlineId);
        planDeployment(commands, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(FreezeOverridden event, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        freezeOverridden = true;
        if (approved) {
            planDeployment(commands, deadlines, clock);
        }
    }

    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionWaitingForWindow event, DeadlineManager deadlines) {
        slotDeadlineId = cancel(deadlines, DEPLOYMENT_SLOT, slotDeadlineId);
        slotDeadlineId = deadlines.schedule(event.until(), DEPLOYMENT_SLOT, promotionId);
    }

    @DeadlineHandler(deadlineName = DEPLOYMENT_SLOT)
    public void slotDue(String promotion, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        slotDeadlineId = null;
        planDeployment(commands, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionBackupRequested event, DeadlineManager deadlines) {
        slotDeadlineId = cancel(deadlines, DEPLOYMENT_SLOT, slotDeadlineId);
        backupDeadlineId = deadlines.schedule(rules.resultTimeout(), BACKUP_DEADLINE, promotionId);
    }

    @DeadlineHandler(deadlineName = BACKUP_DEADLINE)
    public void backupOverdue(String promotion, CommandGateway commands) {
        backupDeadlineId = null;
        commands.send(new TimeOutBackup(promotion));
    }

    /** The window may have closed while the backup ran: plan the slot again, without a second backup. */
    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionBackupTaken event, CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        backupDeadlineId = cancel(deadlines, BACKUP_DEADLINE, backupDeadlineId);
        backupTaken = true;
        planDeployment(commands, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(DeploymentStarted event, CommandGateway commands, DeadlineManager deadlines) {
        slotDeadlineId = cancel(deadlines, DEPLOYMENT_SLOT, slotDeadlineId);
        resultDeadlineId = deadlines.schedule(rules.resultTimeout(), RESULT_DEADLINE, promotionId);
        if (rules.deployTaskRef() != null) {
            commands.send(new RequestDeployTask(promotionId));
        }
    }

    @DeadlineHandler(deadlineName = RESULT_DEADLINE)
    public void resultOverdue(String promotion, CommandGateway commands) {
        resultDeadlineId = null;
        commands.send(new TimeOutDeployment(promotion));
    }

    /** Whatever ends the promotion ends the saga; a success also tells the application what runs where. */
    @EndSaga
    @SagaEventHandler(associationProperty = PROMOTION_ID)
    public void on(PromotionEnded event, CommandGateway commands, DeadlineManager deadlines) {
        cancelAll(deadlines);
        if (event.status() == PromotionStatus.DEPLOYED) {
            commands.send(new RecordDeployment(target.applicationId(), target.environment(), target.releaseId(),
                    target.version(), promotionId));
        }
    }

    private void planDeployment(CommandGateway commands, DeadlineManager deadlines, Clock clock) {
        Instant now = clock.instant();
        DeploymentSlot slot = rules.earliestDeployment(now, freezeOverridden);
        slotDeadlineId = cancel(deadlines, DEPLOYMENT_SLOT, slotDeadlineId);
        if (slot.isOpenAt(now) && rules.backupPolicyRef() != null && !backupTaken) {
            // The backup's own event schedules its deadline (see above).
            commands.send(new TakePreDeployBackup(promotionId));
        } else if (slot.isOpenAt(now)) {
            commands.send(new StartDeployment(promotionId));
            slotDeadlineId = deadlines.schedule(START_RECHECK, DEPLOYMENT_SLOT, promotionId);
        } else {
            // The aggregate records the wait; its event schedules the deadline (see above).
            commands.send(new WaitForWindow(promotionId, slot.at(), slot.reason()));
        }
    }

    private void cancelAll(DeadlineManager deadlines) {
        approvalDeadlineId = cancel(deadlines, APPROVAL_DEADLINE, approvalDeadlineId);
        slotDeadlineId = cancel(deadlines, DEPLOYMENT_SLOT, slotDeadlineId);
        resultDeadlineId = cancel(deadlines, RESULT_DEADLINE, resultDeadlineId);
        backupDeadlineId = cancel(deadlines, BACKUP_DEADLINE, backupDeadlineId);
    }

    /** Cancels the deadline if one is scheduled; returns the id to keep (none). */
    private static String cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
        return null;
    }
}
