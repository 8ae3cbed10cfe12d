package dev.opsledger.access.grant;

import static dev.opsledger.access.support.Access.ADMIN;
import static dev.opsledger.access.support.Access.DEV;
import static dev.opsledger.access.support.Access.MONDAY;
import static dev.opsledger.access.support.Access.RESOURCE;
import static dev.opsledger.access.support.Access.RULES;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.access.grant.api.AccessTaskAnswerIgnored;
import dev.opsledger.access.grant.api.AccessTaskRequested;
import dev.opsledger.access.grant.api.AccessTaskStep;
import dev.opsledger.access.grant.api.AccessTokenLifespan;
import dev.opsledger.access.grant.api.ActivateGrant;
import dev.opsledger.access.grant.api.CompleteDeprovisioning;
import dev.opsledger.access.grant.api.EndReason;
import dev.opsledger.access.grant.api.GrantActivated;
import dev.opsledger.access.grant.api.GrantDeprovisioningFailed;
import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.grant.api.GrantEnding;
import dev.opsledger.access.grant.api.GrantOpened;
import dev.opsledger.access.grant.api.GrantProvisioningFailed;
import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.api.RecordAccessTaskOutcome;
import dev.opsledger.access.grant.api.ReleaseGrant;
import dev.opsledger.access.grant.api.RequestAccessTask;
import dev.opsledger.access.grant.api.RetryBackoff;
import dev.opsledger.access.grant.api.TimeOutAccessTask;
import dev.opsledger.access.grant.command.ExternalTasks;
import dev.opsledger.access.grant.command.Grant;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.support.Access;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A grant on an external resource: its tasks' answers, not Keycloak, decide when it is active and when it ended. */
class ExternalGrantTest {

    static final String GRANT = "grant-x";
    static final AccessTarget VPN = new AccessTarget(AccessTarget.Kind.EXTERNAL, "vpn-add-user", "vpn-remove-user");
    static final Duration FOUR_HOURS = Duration.ofHours(4);
    static final Duration TOKENS = Duration.ofMinutes(5);
    static final Instant LATER = MONDAY.plusSeconds(30);
    static final String PROVISION_1 = "access:" + GRANT + ":provision:1";
    static final String DEPROVISION_1 = "access:" + GRANT + ":deprovision:1";
    static final String DEPROVISION_2 = "access:" + GRANT + ":deprovision:2";
    static final GrantEnding EXPIRING = new GrantEnding(GRANT, EndReason.EXPIRED, ADMIN, null, MONDAY);

    private final MutableClock clock = MutableClock.at(MONDAY);
    private AggregateTestFixture<Grant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Grant.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new Access.FakeContext().with(Access.resource(RULES)));
        fixture.registerInjectableResource(new AccessTokenLifespan(TOKENS));
    }

    static GrantOpened opened() {
        return new GrantOpened(GRANT, "req-1", RESOURCE, VPN, DEV.id(), DEV.name(), FOUR_HOURS, List.of("appr1"),
                false, null, Set.of(), null, MONDAY);
    }

    static AccessTaskRequested provisionRequested() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_id", GRANT);
        parameters.put("user_id", DEV.id());
        parameters.put("user_name", DEV.name());
        parameters.put("resource_id", RESOURCE);
        parameters.put("duration", "PT4H");
        return new AccessTaskRequested(GRANT, AccessTaskStep.PROVISION, PROVISION_1, 1, "vpn-add-user", parameters,
                DEV.id(), MONDAY);
    }

    static AccessTaskRequested deprovisionRequested(String requestId, int attempt) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_id", GRANT);
        parameters.put("user_id", DEV.id());
        parameters.put("user_name", DEV.name());
        parameters.put("resource_id", RESOURCE);
        parameters.put("ended_at", MONDAY.toString());
        parameters.put("end_reason", "EXPIRED");
        return new AccessTaskRequested(GRANT, AccessTaskStep.DEPROVISION, requestId, attempt, "vpn-remove-user",
                parameters, ADMIN.id(), MONDAY);
    }

    static GrantActivated activated() {
        return new GrantActivated(GRANT, RESOURCE, DEV.id(), LATER, LATER.plus(FOUR_HOURS));
    }

    static RecordAccessTaskOutcome succeeded(String requestId) {
        return new RecordAccessTaskOutcome(GRANT, requestId, "run-1", true, "SUCCEEDED", 0, null);
    }

    static RecordAccessTaskOutcome failed(String requestId) {
        return new RecordAccessTaskOutcome(GRANT, requestId, "run-1", false, "FAILED", 3, "vpn: no such group");
    }

    static final String FAILED_SUMMARY = "task FAILED (run run-1), exit code 3: vpn: no such group";

    @Test
    void givenAnOpenedExternalGrant_whenItsProvisioningTaskIsAskedFor_thenTheRequestIsAnEventWithADerivedId() {
        fixture.given(opened())
                .when(new RequestAccessTask(GRANT, AccessTaskStep.PROVISION))
                .expectEvents(provisionRequested());
    }

    @Test
    void givenAProvisioningTaskRequested_whenAskedAgain_thenWrongStateAndNoSecondRequest() {
        fixture.given(opened(), provisionRequested())
                .when(new RequestAccessTask(GRANT, AccessTaskStep.PROVISION))
                .expectException(violation(GrantStatus.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenAKeycloakGrant_whenATaskIsAskedFor_thenRefused() {
        fixture.given(GrantTest.opened())
                .when(new RequestAccessTask(GrantTest.GRANT, AccessTaskStep.PROVISION))
                .expectException(violation(ExternalTasks.NOT_EXTERNAL))
                .expectNoEvents();
    }

    @Test
    void givenAProvisioningTaskRequested_whenItSucceeds_thenTheGrantIsActiveAndItsClockStartsNow() {
        clock.set(LATER);
        fixture.given(opened(), provisionRequested())
                .when(succeeded(PROVISION_1))
                .expectEvents(activated());
    }

    @Test
    void givenAnExternalGrant_whenActivatedTheKeycloakWay_thenRefused_onlyTheTaskActivatesIt() {
        fixture.given(opened(), provisionRequested())
                .when(new ActivateGrant(GRANT))
                .expectException(violation(ExternalTasks.BY_TASK))
                .expectNoEvents();
    }

    @Test
    void givenAProvisioningTaskRequested_whenItFails_thenTheGrantFailedWithTheReasonAndNoRetry() {
        fixture.given(opened(), provisionRequested())
                .when(failed(PROVISION_1))
                .expectEvents(new GrantProvisioningFailed(GRANT, FAILED_SUMMARY, 1, null));
    }

    @Test
    void givenAProvisioningTaskRequested_whenTheAnswerDeadlinePasses_thenFailedAsAnswerMissing() {
        fixture.given(opened(), provisionRequested())
                .when(new TimeOutAccessTask(GRANT, PROVISION_1))
                .expectEvents(new GrantProvisioningFailed(GRANT, "provision-answer-missing", 1, null));
    }

    @Test
    void givenAProvisioningThatTimedOut_whenTheLateAnswerComes_thenRecordedAndIgnored() {
        fixture.given(opened(), provisionRequested(),
                        new GrantProvisioningFailed(GRANT, "provision-answer-missing", 1, null))
                .when(succeeded(PROVISION_1))
                .expectEvents(new AccessTaskAnswerIgnored(GRANT, PROVISION_1, "task SUCCEEDED (run run-1), exit code 0",
                        "the grant is PROVISION_FAILED and waits for no task answer"));
    }

    @Test
    void givenAnActiveExternalGrant_whenTheSameSuccessIsAnsweredAgain_thenRecordedAndIgnored() {
        fixture.given(opened(), provisionRequested(), activated())
                .when(succeeded(PROVISION_1))
                .expectEvents(new AccessTaskAnswerIgnored(GRANT, PROVISION_1, "task SUCCEEDED (run run-1), exit code 0",
                        "the grant is ACTIVE and waits for no task answer"));
    }

    @Test
    void givenNoAnswerAwaited_whenTheAnswerDeadlineFires_thenRefused() {
        fixture.given(opened(), provisionRequested(), activated())
                .when(new TimeOutAccessTask(GRANT, PROVISION_1))
                .expectException(violation(ExternalTasks.NOT_AWAITED))
                .expectNoEvents();
    }

    @Test
    void givenAFailedProvisioning_whenTheGranteeReleasesIt_thenItEnds_soTheDeprovisioningTaskCleansUp() {
        fixture.given(opened(), provisionRequested(), new GrantProvisioningFailed(GRANT, FAILED_SUMMARY, 1, null))
                .when(new ReleaseGrant(GRANT, DEV))
                .expectEvents(new GrantEnding(GRANT, EndReason.RELEASED, DEV, null, MONDAY));
    }

    @Test
    void givenAnEndingExternalGrant_whenItsDeprovisioningTaskIsAskedFor_thenTheRequestCarriesTheEnd() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING)
                .when(new RequestAccessTask(GRANT, AccessTaskStep.DEPROVISION))
                .expectEvents(deprovisionRequested(DEPROVISION_1, 1));
    }

    @Test
    void givenAnActiveExternalGrant_whenADeprovisioningTaskIsAskedFor_thenWrongState() {
        fixture.given(opened(), provisionRequested(), activated())
                .when(new RequestAccessTask(GRANT, AccessTaskStep.DEPROVISION))
                .expectException(violation(GrantStatus.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenADeprovisioningTaskRequested_whenItSucceeds_thenTheGrantEnded() {
        clock.set(LATER);
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1))
                .when(succeeded(DEPROVISION_1))
                .expectEvents(new GrantEnded(GRANT, RESOURCE, DEV.id(), EndReason.EXPIRED, ADMIN, null, LATER,
                        LATER.plus(TOKENS)));
    }

    @Test
    void givenAnEndingExternalGrant_whenCompletedTheKeycloakWay_thenRefused() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1))
                .when(new CompleteDeprovisioning(GRANT))
                .expectException(violation(ExternalTasks.BY_TASK))
                .expectNoEvents();
    }

    @Test
    void givenADeprovisioningTaskRequested_whenItFails_thenDeprovisionFailedWithTheRetryTime() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1))
                .when(failed(DEPROVISION_1))
                .expectEvents(new GrantDeprovisioningFailed(GRANT, RESOURCE, DEV.id(), FAILED_SUMMARY, 1,
                        MONDAY.plus(RetryBackoff.FIRST)));
    }

    @Test
    void givenAFailedDeprovisioning_whenAskedAgain_thenANewAttemptWithANewRequestId() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1),
                        new GrantDeprovisioningFailed(GRANT, RESOURCE, DEV.id(), FAILED_SUMMARY, 1,
                                MONDAY.plus(RetryBackoff.FIRST)))
                .when(new RequestAccessTask(GRANT, AccessTaskStep.DEPROVISION))
                .expectEvents(deprovisionRequested(DEPROVISION_2, 2));
    }

    @Test
    void givenASecondDeprovisioningAttempt_whenTheFirstAttemptsAnswerComesLate_thenRecordedAndIgnored() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1),
                        new GrantDeprovisioningFailed(GRANT, RESOURCE, DEV.id(), "deprovision-answer-missing", 1,
                                MONDAY.plus(RetryBackoff.FIRST)),
                        deprovisionRequested(DEPROVISION_2, 2))
                .when(succeeded(DEPROVISION_1))
                .expectEvents(new AccessTaskAnswerIgnored(GRANT, DEPROVISION_1,
                        "task SUCCEEDED (run run-1), exit code 0", "the grant waits for the answer to " + DEPROVISION_2));
    }

    @Test
    void givenADeprovisioningTaskRequested_whenTheAnswerDeadlinePasses_thenDeprovisionFailedAndRetried() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1))
                .when(new TimeOutAccessTask(GRANT, DEPROVISION_1))
                .expectEvents(new GrantDeprovisioningFailed(GRANT, RESOURCE, DEV.id(), "deprovision-answer-missing", 1,
                        MONDAY.plus(RetryBackoff.FIRST)));
    }

    @Test
    void givenAnEndedExternalGrant_whenASecondSuccessComes_thenRecordedAndIgnored() {
        fixture.given(opened(), provisionRequested(), activated(), EXPIRING, deprovisionRequested(DEPROVISION_1, 1),
                        new GrantEnded(GRANT, RESOURCE, DEV.id(), EndReason.EXPIRED, ADMIN, null, LATER,
                                LATER.plus(TOKENS)))
                .when(succeeded(DEPROVISION_1))
                .expectEvents(new AccessTaskAnswerIgnored(GRANT, DEPROVISION_1,
                        "task SUCCEEDED (run run-1), exit code 0", "the grant already ended as EXPIRED"));
    }
}
