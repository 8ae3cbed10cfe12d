package dev.opsledger.backup.policy;

import static dev.opsledger.backup.support.Fixtures.NOW;
import static dev.opsledger.backup.support.Fixtures.OPERATOR;
import static dev.opsledger.backup.support.Fixtures.settings;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.backup.policy.api.BackupPolicyDefined;
import dev.opsledger.backup.policy.api.BackupPolicyRevised;
import dev.opsledger.backup.policy.api.DefineBackupPolicy;
import dev.opsledger.backup.policy.api.RecordScheduledRunsMissed;
import dev.opsledger.backup.policy.api.ReviseBackupPolicy;
import dev.opsledger.backup.policy.api.ScheduledRunsMissed;
import dev.opsledger.backup.policy.command.BackupPolicy;
import dev.opsledger.backup.policy.command.PolicyTargets;
import dev.opsledger.backup.target.command.Target;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.testkit.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupPolicyTest {

    private final Map<String, String> claims = new HashMap<>();
    private AggregateTestFixture<BackupPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BackupPolicy.class);
        fixture.registerInjectableResource(new PolicyTargets() {
            @Override
            public void requireTarget(String targetId) {
                if (!targetId.startsWith("target")) {
                    throw BusinessRuleViolation.noSuch(Target.NOT_FOUND, "target", targetId);
                }
            }

            @Override
            public boolean claimTarget(String targetId, String policyId) {
                return claims.putIfAbsent(targetId, policyId) == null;
            }
        });
        fixture.registerInjectableResource(MutableClock.at(NOW));
    }

    @Test
    void givenATarget_whenPolicyDefined_thenVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefineBackupPolicy("p-1", "target-1", settings(), OPERATOR))
                .expectEvents(new BackupPolicyDefined("p-1", "target-1", 1, settings(), OPERATOR, NOW));
    }

    @Test
    void givenAnUnknownTarget_whenPolicyDefined_thenTargetNotFoundAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new DefineBackupPolicy("p-1", "nothing", settings(), OPERATOR))
                .expectException(violation(Target.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenTargetWithPolicy_whenAnotherDefined_thenConflictAndNoEvent() {
        claims.put("target-1", "p-0");
        fixture.givenNoPriorActivity()
                .when(new DefineBackupPolicy("p-1", "target-1", settings(), OPERATOR))
                .expectException(violation(BackupPolicy.TARGET_HAS_POLICY))
                .expectNoEvents();
    }

    @Test
    void givenVersionOne_whenRevised_thenVersionTwo() {
        fixture.given(new BackupPolicyDefined("p-1", "target-1", 1, settings(), OPERATOR, NOW))
                .when(new ReviseBackupPolicy("p-1", settings(), OPERATOR))
                .expectEvents(new BackupPolicyRevised("p-1", "target-1", 2, settings(), OPERATOR, NOW));
    }

    @Test
    void givenPolicy_whenSlotsMissed_thenRecorded() {
        Instant first = Instant.parse("2026-03-02T08:00:00Z");
        fixture.given(new BackupPolicyDefined("p-1", "target-1", 1, settings(), OPERATOR, NOW))
                .when(new RecordScheduledRunsMissed("p-1", 3, first, NOW))
                .expectEvents(new ScheduledRunsMissed("p-1", "target-1", 3, first, NOW));
    }

    @Test
    void givenPolicy_whenNothingMissed_thenRefusedAndNoEvent() {
        fixture.given(new BackupPolicyDefined("p-1", "target-1", 1, settings(), OPERATOR, NOW))
                .when(new RecordScheduledRunsMissed("p-1", 0, NOW, NOW))
                .expectException(violation(BackupPolicy.NOTHING_MISSED))
                .expectNoEvents();
    }
}
