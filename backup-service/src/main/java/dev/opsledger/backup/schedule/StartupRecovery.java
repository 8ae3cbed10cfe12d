package dev.opsledger.backup.schedule;

import dev.opsledger.backup.run.api.InterruptBackupRun;
import dev.opsledger.backup.run.persistence.ActiveRunClaims;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, a run that still holds its target was cut off by the stop: nothing runs it any more.
 * It is closed as interrupted (from the claims, which are as current as the event store), so the
 * target is free and the history says what happened. One executing instance per database is
 * assumed (ADR 021).
 */
@Component
class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final ActiveRunClaims claims;
    private final CommandGateway commands;

    StartupRecovery(ActiveRunClaims claims, CommandGateway commands) {
        this.claims = claims;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeInterruptedRuns() {
        for (String runId : claims.activeRuns()) {
            try {
                commands.sendAndWait(new InterruptBackupRun(runId, "The service stopped while the run was active"));
            } catch (RuntimeException e) {
                log.warn("Run {} could not be closed as interrupted: {}", runId, e.getMessage());
            }
        }
    }
}
