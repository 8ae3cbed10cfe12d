package dev.opsledger.access.resource;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.ONE_APPROVER;
import static dev.opsledger.access.support.Access.ROLE;
import static dev.opsledger.access.support.Access.RULES;
import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessRulesChanged;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.BreakGlass;
import dev.opsledger.access.resource.api.ChangeAccessRules;
import dev.opsledger.access.resource.api.RegisterResource;
import dev.opsledger.access.resource.api.ResourceRegistered;
import dev.opsledger.access.resource.command.Resource;
import dev.opsledger.access.resource.command.ResourceNames;
import dev.opsledger.platform.error.BusinessRuleViolation;
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
}
