package dev.opsledger.release.integration;

import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.contracts.RequestRejected;
import dev.opsledger.contracts.automation.RunTask;
import dev.opsledger.contracts.automation.TaskRunAwaitingApproval;
import dev.opsledger.contracts.automation.TaskRunCancelled;
import dev.opsledger.contracts.automation.TaskRunFailed;
import dev.opsledger.contracts.automation.TaskRunRejected;
import dev.opsledger.contracts.automation.TaskRunRequested;
import dev.opsledger.contracts.automation.TaskRunStarted;
import dev.opsledger.contracts.automation.TaskRunSucceeded;
import dev.opsledger.contracts.backup.BackupFailed;
import dev.opsledger.contracts.backup.BackupSucceeded;
import dev.opsledger.contracts.backup.TakeBackup;
import dev.opsledger.platform.kafka.AnswerHandler;
import dev.opsledger.platform.kafka.OutgoingRequest;
import dev.opsledger.release.promotion.api.PromotionBackupRequested;
import dev.opsledger.release.promotion.api.PromotionDeployTaskRequested;
import dev.opsledger.release.promotion.api.RecordBackupOutcome;
import dev.opsledger.release.promotion.api.RecordDeployOutcome;
import dev.opsledger.release.promotion.api.RecordDeployProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a promotion asks of backup- and automation-service, and how each answer comes back as a command
 * on the promotion that asked (the platform sends, receives and deduplicates; ADR 040). Every request
 * has its success answers and the platform's {@code request-failed} and {@code request-rejected}.
 */
@Configuration(proxyBeanMethods = false)
class PromotionRequests {

    @Bean
    OutgoingRequest<PromotionBackupRequested> takeBackupRequest() {
        return OutgoingRequest.of(PromotionBackupRequested.class, e -> new TakeBackup(e.requestId(),
                e.backupPolicyRef(), "before deploying " + e.target().applicationId() + " " + e.target().version()
                        + " to " + e.target().environment() + " (promotion " + e.promotionId() + ")",
                e.requestedBy()));
    }

    @Bean
    AnswerHandler<BackupSucceeded> backupSucceeded() {
        return AnswerHandler.of(TakeBackup.class, BackupSucceeded.class, (a, request) -> new RecordBackupOutcome(
                request.requesterId(), a.requestId(), true, a.runId(), a.sha256(), null));
    }

    @Bean
    AnswerHandler<BackupFailed> backupFailed() {
        return AnswerHandler.of(TakeBackup.class, BackupFailed.class, (a, request) -> new RecordBackupOutcome(
                request.requesterId(), a.requestId(), false, a.runId(), null, a.reason()));
    }

    @Bean
    AnswerHandler<RequestFailed> backupRequestFailed() {
        return AnswerHandler.of(TakeBackup.class, RequestFailed.class, (a, request) -> new RecordBackupOutcome(
                request.requesterId(), a.requestId(), false, null, null, a.reason() + ": " + a.detail()));
    }

    @Bean
    AnswerHandler<RequestRejected> backupRequestRejected() {
        return AnswerHandler.of(TakeBackup.class, RequestRejected.class, (a, request) -> new RecordBackupOutcome(
                request.requesterId(), a.requestId(), false, null, null, a.reason() + ": " + a.detail()));
    }

    @Bean
    OutgoingRequest<PromotionDeployTaskRequested> runDeployTaskRequest() {
        // The request id is the idempotency key automation-service names the run by.
        return OutgoingRequest.of(PromotionDeployTaskRequested.class, e -> new RunTask(e.requestId(),
                e.deployTaskRef(), e.parameters(), e.requestedBy()));
    }

    @Bean
    AnswerHandler<TaskRunRequested> deployRunRequested() {
        return AnswerHandler.of(RunTask.class, TaskRunRequested.class, (a, request) -> new RecordDeployProgress(
                request.requesterId(), a.requestId(), a.runId(), false));
    }

    @Bean
    AnswerHandler<TaskRunAwaitingApproval> deployRunAwaitingApproval() {
        return AnswerHandler.of(RunTask.class, TaskRunAwaitingApproval.class, (a, request) -> new RecordDeployProgress(
                request.requesterId(), a.requestId(), a.runId(), true));
    }

    @Bean
    AnswerHandler<TaskRunStarted> deployRunStarted() {
        return AnswerHandler.of(RunTask.class, TaskRunStarted.class, (a, request) -> new RecordDeployProgress(
                request.requesterId(), a.requestId(), a.runId(), false));
    }

    @Bean
    AnswerHandler<TaskRunSucceeded> deployRunSucceeded() {
        return AnswerHandler.of(RunTask.class, TaskRunSucceeded.class, (a, request) -> new RecordDeployOutcome(
                request.requesterId(), a.requestId(), a.runId(), true, "SUCCEEDED", a.exitCode(), null));
    }

    @Bean
    AnswerHandler<TaskRunFailed> deployRunFailed() {
        return AnswerHandler.of(RunTask.class, TaskRunFailed.class, (a, request) -> new RecordDeployOutcome(
                request.requesterId(), a.requestId(), a.runId(), false, a.outcome(), a.exitCode(), a.reason()));
    }

    @Bean
    AnswerHandler<TaskRunRejected> deployRunRejected() {
        return AnswerHandler.of(RunTask.class, TaskRunRejected.class, (a, request) -> new RecordDeployOutcome(
                request.requesterId(), a.requestId(), a.runId(), false, a.outcome(), null, a.reason()));
    }

    @Bean
    AnswerHandler<TaskRunCancelled> deployRunCancelled() {
        return AnswerHandler.of(RunTask.class, TaskRunCancelled.class, (a, request) -> new RecordDeployOutcome(
                request.requesterId(), a.requestId(), a.runId(), false, "CANCELLED", null,
                "cancelled by " + a.cancelledBy()));
    }

    @Bean
    AnswerHandler<RequestFailed> deployRequestFailed() {
        return AnswerHandler.of(RunTask.class, RequestFailed.class, (a, request) -> new RecordDeployOutcome(
                request.requesterId(), a.requestId(), null, false, "REFUSED", null, a.reason() + ": " + a.detail()));
    }

    @Bean
    AnswerHandler<RequestRejected> deployRequestRejected() {
        return AnswerHandler.of(RunTask.class, RequestRejected.class, (a, request) -> new RecordDeployOutcome(
                request.requesterId(), a.requestId(), null, false, "REFUSED", null, a.reason() + ": " + a.detail()));
    }
}
