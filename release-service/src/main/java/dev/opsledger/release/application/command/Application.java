package dev.opsledger.release.application.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.application.api.ApplicationRegistered;
import dev.opsledger.release.application.api.DefineLifecycle;
import dev.opsledger.release.application.api.DeploymentRecorded;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.api.LifecycleDefined;
import dev.opsledger.release.application.api.RecordDeployment;
import dev.opsledger.release.application.api.RegisterApplication;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An application, its versioned lifecycle, and which release runs in which environment. */
@Aggregate
public class Application {


    @AggregateIdentifier
    private String applicationId;
    private int lifecycleVersion;
    private Lifecycle lifecycle;
    private DeploymentHistory history;

    protected Application() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Application(RegisterApplication command, ApplicationNames names) {
        requireText(command.name(), "a name");
        requireText(command.owningTeam(), "an owning team");
        requireText(command.repositoryUrl(), "a repository URL");
        if (!names.claim(command.name(), command.applicationId())) {
            throw BusinessRuleViolation.conflict(ApplicationCodes.NAME_TAKEN, "An application named '" + command.name() + "' exists");
        }
        apply(new ApplicationRegistered(command.applicationId(), command.name(), command.owningTeam(),
                command.repositoryUrl()));
    }

    /** References to other services are checked against what their events told us (ADR 041). */
    @CommandHandler
    public void handle(DefineLifecycle command, LifecycleReferences references) {
        for (EnvironmentRules environment : command.environments()) {
            requireKnown(environment, references);
        }
        apply(new LifecycleDefined(applicationId, lifecycleVersion + 1, new Lifecycle(command.environments())));
    }

    private static void requireKnown(EnvironmentRules environment, LifecycleReferences references) {
        String policy = environment.backupPolicyRef();
        if (policy != null) {
            Boolean servesPreDeploy = references.backupPolicyServesPreDeploy(policy);
            if (servesPreDeploy == null) {
                throw BusinessRuleViolation.unprocessable(ApplicationCodes.BACKUP_POLICY_UNKNOWN,
                        "Environment " + environment.name() + ": backup-service has no policy " + policy);
            }
            if (!servesPreDeploy) {
                throw BusinessRuleViolation.unprocessable(ApplicationCodes.BACKUP_POLICY_NOT_PRE_DEPLOY,
                        "Environment " + environment.name() + ": backup policy " + policy
                                + " does not take backups for other services");
            }
        }
        String task = environment.deployTaskRef();
        if (task != null && !references.deployTaskKnown(task)) {
            throw BusinessRuleViolation.unprocessable(ApplicationCodes.DEPLOY_TASK_UNKNOWN,
                    "Environment " + environment.name() + ": automation-service has no task " + task);
        }
    }

    @CommandHandler
    public void handle(RecordDeployment command) {
        // No lifecycle check: the environment may have left the lifecycle since the promotion
        // started, and the ledger must still say what runs there.
        apply(new DeploymentRecorded(applicationId, command.environment(), command.releaseId(), command.version(),
                command.promotionId()));
    }

    /** Read by the promotion command side within the same unit of work. */
    public ApplicationSnapshot snapshot() {
        return new ApplicationSnapshot(applicationId, lifecycleVersion, lifecycle, history);
    }

    @EventSourcingHandler
    void on(ApplicationRegistered event) {
        applicationId = event.applicationId();
        history = DeploymentHistory.NONE;
    }

    @EventSourcingHandler
    void on(LifecycleDefined event) {
        lifecycleVersion = event.version();
        lifecycle = event.lifecycle();
    }

    @EventSourcingHandler
    void on(DeploymentRecorded event) {
        history = history.with(event.environment(),
                new DeploymentHistory.DeployedRelease(event.releaseId(), event.version(), event.promotionId()));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleViolation.unprocessable(ApplicationCodes.INVALID, "An application needs " + what);
        }
    }
}
