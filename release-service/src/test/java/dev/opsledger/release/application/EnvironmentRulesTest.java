package dev.opsledger.release.application;

import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.MONDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.DeploymentSlot;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.FreezePeriod;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.api.WaitReason;
import dev.opsledger.release.support.Lifecycles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentRulesTest {

    private static final FreezePeriod MONDAY_FREEZE = new FreezePeriod(MONDAY_NOON.minusSeconds(3600),
            MONDAY_NOON.plusSeconds(3600), "Black Friday preparations");

    @Test
    void givenNoWindowsAndNoFreezes_whenAskedForASlot_thenNow() {
        assertThat(Lifecycles.dev().earliestDeployment(MONDAY_MORNING, false))
                .isEqualTo(new DeploymentSlot(MONDAY_MORNING, WaitReason.NONE));
    }

    @Test
    void givenWindowClosed_whenAskedForASlot_thenItsNextOpening() {
        DeploymentSlot slot = Lifecycles.qa().earliestDeployment(MONDAY_MORNING, false);
        assertThat(slot).isEqualTo(new DeploymentSlot(MONDAY_NOON, WaitReason.OUTSIDE_WINDOW));
        assertThat(slot.isOpenAt(MONDAY_MORNING)).isFalse();
    }

    @Test
    void givenFreezeOverTheWindowOpening_whenAskedForASlot_thenTheFreezeEndInsideTheWindow() {
        EnvironmentRules frozenQa = withFreeze(Lifecycles.qa(), MONDAY_FREEZE);
        assertThat(frozenQa.earliestDeployment(MONDAY_NOON, false))
                .isEqualTo(new DeploymentSlot(MONDAY_FREEZE.to(), WaitReason.FROZEN));
        assertThat(frozenQa.blockerAt(MONDAY_NOON, false)).isEqualTo(WaitReason.FROZEN);
    }

    @Test
    void givenFreezeOverridden_whenAskedForASlot_thenOnlyTheWindowCounts() {
        EnvironmentRules frozenQa = withFreeze(Lifecycles.qa(), MONDAY_FREEZE);
        assertThat(frozenQa.earliestDeployment(MONDAY_NOON, true))
                .isEqualTo(new DeploymentSlot(MONDAY_NOON, WaitReason.NONE));
        assertThat(frozenQa.blockerAt(MONDAY_NOON, true)).isEqualTo(WaitReason.NONE);
    }

    @Test
    void givenFreezeEndingAfterTheWindowCloses_whenAskedForASlot_thenTheNextWindowAfterTheFreeze() {
        FreezePeriod allMonday = new FreezePeriod(MONDAY_MORNING, Instant.parse("2026-11-24T00:00:00Z"),
                "release train");
        DeploymentSlot slot = withFreeze(Lifecycles.qa(), allMonday).earliestDeployment(MONDAY_MORNING, false);
        assertThat(slot).isEqualTo(new DeploymentSlot(Instant.parse("2026-11-25T11:00:00Z"), WaitReason.FROZEN));
    }

    @Test
    void givenDuplicateEnvironments_whenLifecycleCreated_thenInvalid() {
        assertThatThrownBy(() -> new Lifecycle(List.of(Lifecycles.dev(), Lifecycles.dev())))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", Lifecycle.INVALID);
    }

    @Test
    void givenStandardLifecycle_whenAskedForPrevious_thenTheEnvironmentBefore() {
        Lifecycle lifecycle = Lifecycles.standard();
        assertThat(lifecycle.previous("dev")).isEmpty();
        assertThat(lifecycle.previous("prod")).contains("qa");
        assertThatThrownBy(() -> lifecycle.previous("staging"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", Lifecycle.UNKNOWN_ENVIRONMENT);
    }

    @Test
    void givenNoResultTimeout_whenRulesCreated_thenTheDefault() {
        assertThat(Lifecycles.dev().resultTimeout()).isEqualTo(Duration.ofHours(24));
    }

    private static EnvironmentRules withFreeze(EnvironmentRules rules, FreezePeriod freeze) {
        return new EnvironmentRules(rules.name(), rules.approvalPolicy(), rules.windows(), List.of(freeze),
                rules.backupPolicyRef(), rules.deployTaskRef(), rules.resultTimeout());
    }
}
