package dev.opsledger.release.application;

import dev.opsledger.release.application.command.LifecycleReferences;

import dev.opsledger.release.application.api.EnvironmentRules;

import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.application.api.ApplicationRegistered;
import dev.opsledger.release.application.api.DefineLifecycle;
import dev.opsledger.release.application.api.DeploymentRecorded;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.api.LifecycleDefined;
import dev.opsledger.release.application.api.RecordDeployment;
import dev.opsledger.release.application.api.RegisterApplication;
import dev.opsledger.release.application.command.Application;
import dev.opsledger.release.application.command.ApplicationNames;
import dev.opsledger.release.support.Lifecycles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplicationTest {

    private static final String APP = "app-1";
    private static final ApplicationRegistered REGISTERED =
            new ApplicationRegistered(APP, "billing", "team-payments", "https://git.example.org/billing.git");

    private final Map<String, String> names = new HashMap<>();
    private final ApplicationNames applicationNames = (name, id) -> names.putIfAbsent(name, id) == null;
    private AggregateTestFixture<Application> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Application.class);
        fixture.registerInjectableResource(applicationNames);
        fixture.registerInjectableResource(references);
    }

    /** backup-service published one policy serving pre-deploy backups and one not; automation one task. */
    private final LifecycleReferences references = new LifecycleReferences() {
        @Override
        public Boolean backupPolicyServesPreDeploy(String policyId) {
            return switch (policyId) {
                case Lifecycles.BACKUP_POLICY -> true;
                case "policy-nightly-only" -> false;
                default -> null;
            };
        }

        @Override
        public boolean deployTaskKnown(String taskId) {
            return taskId.equals(Lifecycles.DEPLOY_TASK);
        }
    };

    private static List<EnvironmentRules> prodWith(String backupPolicyRef, String deployTaskRef) {
        return List.of(Lifecycles.dev(), new EnvironmentRules("prod", null, List.of(), List.of(), backupPolicyRef,
                deployTaskRef, null));
    }

    @Test
    void givenRegistered_whenLifecycleRefersToKnownPolicyAndTask_thenDefined() {
        fixture.given(REGISTERED)
                .when(new DefineLifecycle(APP, prodWith(Lifecycles.BACKUP_POLICY, Lifecycles.DEPLOY_TASK)))
                .expectEvents(new LifecycleDefined(APP, 1,
                        new Lifecycle(prodWith(Lifecycles.BACKUP_POLICY, Lifecycles.DEPLOY_TASK))));
    }

    @Test
    void givenRegistered_whenLifecycleRefersToAnUnknownBackupPolicy_thenRefusedWithItsCode() {
        fixture.given(REGISTERED)
                .when(new DefineLifecycle(APP, prodWith("policy-nobody-defined", null)))
                .expectException(violation(ApplicationCodes.BACKUP_POLICY_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void givenRegistered_whenLifecycleRefersToAPolicyNotServingPreDeploy_thenRefusedWithItsCode() {
        fixture.given(REGISTERED)
                .when(new DefineLifecycle(APP, prodWith("policy-nightly-only", null)))
                .expectException(violation(ApplicationCodes.BACKUP_POLICY_NOT_PRE_DEPLOY))
                .expectNoEvents();
    }

    @Test
    void givenRegistered_whenLifecycleRefersToAnUnknownTask_thenRefusedWithItsCode() {
        fixture.given(REGISTERED)
                .when(new DefineLifecycle(APP, prodWith(null, "task-nobody-defined")))
                .expectException(violation(ApplicationCodes.DEPLOY_TASK_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenRegisterApplication_thenRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterApplication(APP, "billing", "team-payments", "https://git.example.org/billing.git"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void givenNameTaken_whenRegisterApplication_thenNameTakenAndNoEvent() {
        names.put("billing", "app-0");
        fixture.givenNoPriorActivity()
                .when(new RegisterApplication(APP, "billing", "team-payments", "https://git.example.org/billing.git"))
                .expectException(violation(ApplicationCodes.NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void givenNoOwningTeam_whenRegisterApplication_thenInvalidAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterApplication(APP, "billing", " ", "https://git.example.org/billing.git"))
                .expectException(violation(ApplicationCodes.INVALID))
                .expectNoEvents();
    }

    @Test
    void givenRegistered_whenDefineLifecycleTwice_thenVersionsOneAndTwo() {
        Lifecycle first = new Lifecycle(List.of(Lifecycles.dev(), Lifecycles.qa()));
        fixture.given(REGISTERED, new LifecycleDefined(APP, 1, first))
                .when(new DefineLifecycle(APP, Lifecycles.standard().environments()))
                .expectEvents(new LifecycleDefined(APP, 2, Lifecycles.standard()));
    }

    @Test
    void givenRegistered_whenDefineEmptyLifecycle_thenInvalidLifecycleAndNoEvent() {
        fixture.given(REGISTERED)
                .when(new DefineLifecycle(APP, List.of()))
                .expectException(violation(Lifecycle.INVALID))
                .expectNoEvents();
    }

    @Test
    void givenRegistered_whenRecordDeployment_thenRecorded() {
        fixture.given(REGISTERED, new LifecycleDefined(APP, 1, Lifecycles.standard()))
                .when(new RecordDeployment(APP, "dev", "rel-1", "1.0.0", "promo-1"))
                .expectEvents(new DeploymentRecorded(APP, "dev", "rel-1", "1.0.0", "promo-1"));
    }
}
