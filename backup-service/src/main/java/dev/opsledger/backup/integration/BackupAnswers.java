package dev.opsledger.backup.integration;

import dev.opsledger.backup.run.api.BackupRunFailed;
import dev.opsledger.backup.run.api.BackupRunInterrupted;
import dev.opsledger.backup.run.api.BackupRunSucceeded;
import dev.opsledger.contracts.backup.BackupFailed;
import dev.opsledger.contracts.backup.BackupSucceeded;
import dev.opsledger.platform.kafka.RequestAnswer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events that settle a run, published for every run and answering the {@code take-backup} that
 * asked for it. The request id is taken from the run itself, not the event's metadata: the outcome is
 * reported from a worker thread, and the run keeps its request id from the start.
 */
@Configuration(proxyBeanMethods = false)
class BackupAnswers {

    @Bean
    RequestAnswer<BackupRunSucceeded> backupSucceededAnswer() {
        return RequestAnswer.of(BackupRunSucceeded.class, (e, requestId) -> new BackupSucceeded(e.runId(),
                e.targetId(), e.targetName(), e.trigger().name(), e.requestId(), e.artifact().sizeBytes(),
                e.artifact().sha256(), e.artifact().toolVersion(), e.completedAt()));
    }

    @Bean
    RequestAnswer<BackupRunFailed> backupFailedAnswer() {
        return RequestAnswer.of(BackupRunFailed.class, (e, requestId) -> new BackupFailed(e.runId(), e.targetId(),
                e.targetName(), e.requestId(), e.reason(), e.failedAt()));
    }

    @Bean
    RequestAnswer<BackupRunInterrupted> backupInterruptedAnswer() {
        return RequestAnswer.of(BackupRunInterrupted.class, (e, requestId) -> new BackupFailed(e.runId(),
                e.targetId(), e.targetName(), e.requestId(), e.reason(), e.at()));
    }
}
