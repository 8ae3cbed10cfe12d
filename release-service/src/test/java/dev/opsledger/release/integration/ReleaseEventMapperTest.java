package dev.opsledger.release.integration;

import static dev.opsledger.release.support.Lifecycles.ADMIN;
import static dev.opsledger.release.support.Lifecycles.ALICE;
import static dev.opsledger.release.support.Lifecycles.DEVELOPER;
import static dev.opsledger.release.support.Lifecycles.MONDAY_MORNING;
import static dev.opsledger.release.support.Lifecycles.RELEASE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.release.PromotionRequested;
import dev.opsledger.contracts.release.ReleaseCreated;
import dev.opsledger.contracts.release.ReleaseRolledBack;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.release.application.api.ApplicationRegistered;
import dev.opsledger.release.application.api.WaitReason;
import dev.opsledger.release.promotion.api.*;
import dev.opsledger.release.support.Lifecycles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseEventMapperTest {

    private static final PromotionTarget PROD = new PromotionTarget("app-1", "rel-1", "1.4.0", "prod");

    private final ReleaseEventMapper mapper = new ReleaseEventMapper();

    static List<Object[]> publicEvents() {
        return List.of(
                new Object[] {new PromotionApproved("p-1", PROD, List.of("alice", "bob")), "promotion-approved"},
                new Object[] {new PromotionRejected("p-1", PROD, ALICE, "no", MONDAY_MORNING), "promotion-rejected"},
                new Object[] {new PromotionExpired("p-1", PROD, MONDAY_MORNING), "promotion-expired"},
                new Object[] {new PromotionCancelled("p-1", PROD, DEVELOPER, null), "promotion-cancelled"},
                new Object[] {new FreezeOverridden("p-1", PROD, ADMIN, "hotfix"), "freeze-overridden"},
                new Object[] {new DeploymentStarted("p-1", PROD), "deployment-started"},
                new Object[] {new DeploymentSucceeded("p-1", PROD, RELEASE_MANAGER, "https://ci/1"),
                        "deployment-succeeded"},
                new Object[] {new DeploymentFailed("p-1", PROD, RELEASE_MANAGER, "red"), "deployment-failed"});
    }

    @ParameterizedTest
    @MethodSource("publicEvents")
    void givenPromotionEvent_whenMapped_thenPublicEventKeyedByRelease(Object internal, String publicName) {
        IntegrationEvent mapped = mapper.map(message(internal)).orElseThrow();
        assertThat(MessageTypes.typeOf(mapped.getClass())).isEqualTo("dev.opsledger.release." + publicName + ".v1");
        assertThat(mapped.subject()).isEqualTo("rel-1");
    }

    @Test
    void givenReleaseCreated_whenMapped_thenCreatorFromMetadata() {
        var created = new dev.opsledger.release.release.api.ReleaseCreated("rel-1", "app-1", "1.4.0", "abcdef1",
                "registry/x:1.4.0", null);
        assertThat(mapper.map(message(created))).get().isInstanceOfSatisfying(ReleaseCreated.class,
                event -> assertThat(event.createdBy()).isEqualTo(DEVELOPER.id()));
    }

    @Test
    void givenPromotionRequested_whenMapped_thenApprovalsAndDeadlineFromTheRulesSnapshot() {
        var requested = new dev.opsledger.release.promotion.api.PromotionRequested("p-1", PROD, 3,
                Lifecycles.prod(), DEVELOPER, MONDAY_MORNING, null, null);
        assertThat(mapper.map(message(requested))).get().isInstanceOfSatisfying(PromotionRequested.class, event -> {
            assertThat(event.approvalsRequired()).isEqualTo(2);
            assertThat(event.approvalDeadline()).isEqualTo(MONDAY_MORNING.plusSeconds(8 * 3600));
            assertThat(event.lifecycleVersion()).isEqualTo(3);
        });
    }

    @Test
    void givenRollbackRequested_whenMapped_thenReleaseRolledBackKeyedByTheReplacedRelease() {
        var restored = new PromotionTarget("app-1", "rel-0", "1.3.0", "prod");
        var rollback = new dev.opsledger.release.promotion.api.PromotionRequested("p-2", restored, 3,
                Lifecycles.prod(), RELEASE_MANAGER, MONDAY_MORNING, "rel-1", "error rate doubled");
        assertThat(mapper.map(message(rollback))).get().isInstanceOfSatisfying(ReleaseRolledBack.class, event -> {
            assertThat(event.subject()).isEqualTo("rel-1");
            assertThat(event.restoredReleaseId()).isEqualTo("rel-0");
            assertThat(event.reason()).isEqualTo("error rate doubled");
        });
    }

    @Test
    void givenInternalSteps_whenMapped_thenNothingIsPublished() {
        assertThat(List.of(
                new ApplicationRegistered("app-1", "billing", "payments", "https://git/x"),
                new PromotionAwaitingApproval("p-1", PROD, Lifecycles.prod().approvalPolicy(), DEVELOPER.id(),
                        MONDAY_MORNING),
                new PromotionApprovalGiven("p-1", PROD, ALICE, "ok", MONDAY_MORNING, 1),
                new PromotionWaitingForWindow("p-1", PROD, MONDAY_MORNING, WaitReason.OUTSIDE_WINDOW)))
                .allSatisfy(internal -> assertThat(mapper.map(message(internal))).isEqualTo(Optional.empty()));
    }

    private static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload)
                .andMetaData(Map.of(MetadataKeys.ACTOR_ID, DEVELOPER.id()));
    }
}
