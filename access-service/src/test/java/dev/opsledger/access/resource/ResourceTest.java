package dev.opsledger.access.resource;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.ONE_APPROVER;
import static dev.opsledger.access.support.Access.ROLE;
import static dev.opsledger.access.support.Access.RULES;
import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.access.resource.api.AccessDriftDetected;
import dev.opsledger.access.resource.api.AccessDriftResolved;
import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessRulesChanged;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.BreakGlass;
import dev.opsledger.access.resource.api.ChangeAccessRules;
import dev.opsledger.access.resource.api.DriftKind;
import dev.opsledger.access.resource.api.ReconcileMembers;
import dev.opsledger.access.resource.api.RecordUnmanagedMemberRemoved;
import dev.opsledger.access.resource.api.RegisterResource;
import dev.opsledger.access.resource.api.ResourceRegistered;
import dev.opsledger.access.resource.api.UnmanagedMemberRemoved;
import dev.opsledger.access.resource.command.Resource;
import dev.opsledger.access.resource.command.ResourceNames;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.testkit.MutableClock;
import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private final Map<String, String> names = new HashMap<>();
    private AggregateTestFixture<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
        fixture.registerInjectableResource((ResourceNames) (name, id) -> names.putIfAbsent(name, id) == null);
        fixture.registerInjectableResource(MutableClock.at(MONDAY));
    }

    private static RegisterResource register(String name) {
        return new RegisterResource("res-1", name, "read replica", "platform", ROLE, RULES, ADMIN);
    }

    @Test
    void givenNothing_whenAnAdminRegistersAResource_thenRegistered() {
        fixture.givenNoPriorActivity()
                .when(register("prod-db-read"))
                .expectEvents(new ResourceRegistered("res-1", "prod-db-read", "read replica", "platform", ROLE, RULES,
                        ADMIN));
    }

    @Test
    void givenATakenName_whenRegistered_thenConflict() {
        names.put("prod-db-read", "res-0");
        fixture.givenNoPriorActivity()
                .when(register("prod-db-read"))
                .expectException(violation(Resource.NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenANonAdminRegisters_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("res-1", "x", null, "platform", ROLE, RULES, DEV))
                .expectException(violation(Resource.ADMIN_ONLY))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenRegisteredWithoutAName_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(register(" "))
                .expectException(violation(Resource.TEXT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenAResource_whenAnAdminChangesItsRules_thenChanged() {
        var stricter = new AccessRules(ONE_APPROVER, Duration.ofHours(1), Set.of("developer"), null);
        fixture.given(new ResourceRegistered("res-1", "n", null, "platform", ROLE, RULES, ADMIN))
                .when(new ChangeAccessRules("res-1", stricter, ADMIN))
                .expectEvents(new AccessRulesChanged("res-1", stricter, ADMIN));
    }

    @Test
    void givenNothing_whenRegisteredWithRulesLettingRequestersApproveThemselves_thenRefusedAndNothingStored() {
        var selfService = new AccessRules(new ApprovalPolicy(1, Set.of("approver"), false, Duration.ofHours(8)),
                Duration.ofHours(8), Set.of("developer"), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("res-1", "x", null, "platform", ROLE, selfService, ADMIN))
                .expectException(violation(AccessRules.SELF_APPROVAL_NOT_ALLOWED))
                .expectNoEvents();
        fixture.given(new ResourceRegistered("res-1", "n", null, "platform", ROLE, RULES, ADMIN))
                .when(new ChangeAccessRules("res-1", selfService, ADMIN))
                .expectException(violation(AccessRules.SELF_APPROVAL_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAResource_whenANonAdminChangesItsRules_thenForbidden() {
        fixture.given(new ResourceRegistered("res-1", "n", null, "platform", ROLE, RULES, ADMIN))
                .when(new ChangeAccessRules("res-1", RULES, DEV))
                .expectException(violation(Resource.ADMIN_ONLY))
                .expectNoEvents();
    }

    @Test
    void givenTargets_whenShapedWrongly_thenRefusedWithTheTargetCode() {
        assertThat(AccessTarget.group("/deployers").name()).isEqualTo("/deployers");
        assertThat(code(() -> AccessTarget.realmRole("bad role"))).isEqualTo(AccessTarget.INVALID);
        assertThat(code(() -> AccessTarget.realmRole("x\u0000"))).isEqualTo(AccessTarget.INVALID);
        assertThat(code(() -> AccessTarget.group("deployers"))).isEqualTo(AccessTarget.INVALID);
        assertThat(code(() -> new AccessTarget(AccessTarget.Kind.EXTERNAL, "task-a", null)))
                .isEqualTo(AccessTarget.INVALID);
        assertThat(code(() -> new AccessTarget(AccessTarget.Kind.KEYCLOAK_GROUP, "/g", "task-b")))
                .isEqualTo(AccessTarget.INVALID);
    }

    @Test
    void givenRules_whenOutOfBounds_thenRefusedWithTheRulesCode() {
        assertThat(code(() -> new AccessRules(ONE_APPROVER, Duration.ofDays(366), Set.of("developer"), null)))
                .isEqualTo(AccessRules.INVALID);
        assertThat(code(() -> new AccessRules(ONE_APPROVER, Duration.ZERO, Set.of("developer"), null)))
                .isEqualTo(AccessRules.INVALID);
        assertThat(code(() -> new AccessRules(ONE_APPROVER, Duration.ofHours(1), Set.of(), null)))
                .isEqualTo(AccessRules.INVALID);
        assertThat(code(() -> new BreakGlass(Set.of("developer"), Duration.ofHours(9)))).isEqualTo(BreakGlass.INVALID);
        assertThat(new BreakGlass(Set.of("developer"), null).duration()).isEqualTo(BreakGlass.DEFAULT_DURATION);
    }

    @Test
    void givenRulesWithoutBreakGlass_whenSomeoneBreaksTheGlass_thenNotAllowed() {
        var none = new AccessRules(ONE_APPROVER, Duration.ofHours(1), Set.of("developer"), null);
        assertThat(code(() -> none.breakGlassFor(DEV))).isEqualTo(AccessRules.BREAK_GLASS_NOT_ALLOWED);
        var adminsOnly = new AccessRules(ONE_APPROVER, Duration.ofHours(1), Set.of("developer"),
                new BreakGlass(Set.of("admin"), null));
        assertThat(code(() -> adminsOnly.breakGlassFor(DEV))).isEqualTo(AccessRules.BREAK_GLASS_NOT_ALLOWED);
        assertThat(adminsOnly.breakGlassFor(ADMIN).duration()).isEqualTo(Duration.ofHours(1));
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleViolation violation) {
            return violation.code();
        }
        throw new AssertionError("expected a BusinessRuleViolation");
    }

    // ---- drift -------------------------------------------------------------------------------

    static final AccessRules REMOVING = new AccessRules(ONE_APPROVER, Duration.ofHours(8), Set.of("developer"), null,
            true);

    private static ResourceRegistered registered(AccessRules rules) {
        return new ResourceRegistered("res-1", "prod-db-read", "read replica", "platform", ROLE, rules, ADMIN);
    }

    private static AccessDriftDetected detected(String user, DriftKind kind, boolean removing) {
        return new AccessDriftDetected("res-1", ROLE, user, kind, removing, MONDAY);
    }

    @Test
    void givenAReportingResource_whenDriftIsFound_thenEachIsReportedAndNobodyRemoved() {
        fixture.given(registered(RULES))
                .when(new ReconcileMembers("res-1", Set.of("u-2", "u-1"), Set.of("u-3")))
                .expectEvents(detected("u-1", DriftKind.UNMANAGED_MEMBER, false),
                        detected("u-2", DriftKind.UNMANAGED_MEMBER, false),
                        detected("u-3", DriftKind.MISSING_MEMBERSHIP, false))
                .expectResultMessagePayload(Set.of());
    }

    @Test
    void givenKnownDrift_whenFoundAgainOrGone_thenOnlyTheChangesAreReported() {
        fixture.given(registered(RULES), detected("u-1", DriftKind.UNMANAGED_MEMBER, false),
                        detected("u-3", DriftKind.MISSING_MEMBERSHIP, false))
                .when(new ReconcileMembers("res-1", Set.of("u-1"), Set.of()))
                .expectEvents(new AccessDriftResolved("res-1", "u-3", DriftKind.MISSING_MEMBERSHIP, MONDAY));
    }

    @Test
    void givenARemovingResource_whenAnUnmanagedMemberIsFound_thenReportedAsRemovingAndAnsweredForRemoval() {
        fixture.given(registered(REMOVING))
                .when(new ReconcileMembers("res-1", Set.of("u-1"), Set.of()))
                .expectEvents(detected("u-1", DriftKind.UNMANAGED_MEMBER, true))
                .expectResultMessagePayload(Set.of("u-1"));
    }

    @Test
    void givenARemovingResource_whenTheRemovalIsConfirmed_thenRemovedAndResolved() {
        fixture.given(registered(REMOVING), detected("u-1", DriftKind.UNMANAGED_MEMBER, true))
                .when(new RecordUnmanagedMemberRemoved("res-1", "u-1"))
                .expectEvents(new UnmanagedMemberRemoved("res-1", "u-1", MONDAY),
                        new AccessDriftResolved("res-1", "u-1", DriftKind.UNMANAGED_MEMBER, MONDAY));
    }

    @Test
    void givenAReportingResource_whenARemovalIsRecorded_thenRefused() {
        fixture.given(registered(RULES), detected("u-1", DriftKind.UNMANAGED_MEMBER, false))
                .when(new RecordUnmanagedMemberRemoved("res-1", "u-1"))
                .expectException(violation(Resource.REMOVAL_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenAnExternalResource_whenReconciled_thenNotReconcilable() {
        var external = new AccessTarget(AccessTarget.Kind.EXTERNAL, "awx:grant-db", "awx:revoke-db");
        fixture.given(new ResourceRegistered("res-1", "db", null, "platform", external, RULES, ADMIN))
                .when(new ReconcileMembers("res-1", Set.of("u-1"), Set.of()))
                .expectException(violation(Resource.NOT_RECONCILABLE))
                .expectNoEvents();
    }
}
