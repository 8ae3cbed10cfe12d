package dev.opsledger.release.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.PromotionEnded;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.ServiceHttp;
import dev.opsledger.testkit.ServiceHttp.Response;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Conflicting decisions on one promotion, sent at the same moment from two threads over HTTP:
 * exactly one decision is recorded, the loser gets a 409 problem, and the promotion's history
 * has one outcome. Each race runs {@link #ROUNDS} times on fresh promotions, so an interleaving
 * that only happens now and then is still caught.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class ConcurrentPromotionDecisionsIT {

    private static final int ROUNDS = 20;
    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final ExecutorService RACERS = Executors.newFixedThreadPool(2);

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final String developer = issuer.bearer("dev1", Set.of("developer"));
    private final String releaseManager = issuer.bearer("rm1", Set.of("release-manager"));
    private final String firstApprover = issuer.bearer("appr1", Set.of("approver"));
    private final String secondApprover = issuer.bearer("appr2", Set.of("approver"));
    private final String thirdApprover = issuer.bearer("appr3", Set.of("approver"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopRacers() {
        RACERS.shutdownNow();
    }

    @Test
    void givenOneApprovalNeeded_whenTwoApproversApproveAtOnce_thenOneWinsAndTheOtherGets409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String promotion = promotionAwaitingApproval(1);
            List<Response> answers = race(() -> approve(promotion, firstApprover),
                    () -> approve(promotion, secondApprover));

            assertOneWinner(answers, Approvals.CLOSED);
            assertThat(count(promotion, "PromotionApprovalGiven")).isEqualTo(1);
            assertThat(count(promotion, "PromotionApproved")).isEqualTo(1);
        }
        System.out.printf("ConcurrentPromotionDecisionsIT: two approvals completing a quorum of 1, %d rounds, "
                + "one 202 and one 409 each, one PromotionApproved each%n", ROUNDS);
    }

    @Test
    void givenOneApprovalMissing_whenTheLastTwoApproversApproveAtOnce_thenOneWinsAndTheOtherGets409()
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String promotion = promotionAwaitingApproval(2);
            assertThat(approve(promotion, firstApprover).status()).isEqualTo(202);
            List<Response> answers = race(() -> approve(promotion, secondApprover),
                    () -> approve(promotion, thirdApprover));

            assertOneWinner(answers, Approvals.CLOSED);
            assertThat(count(promotion, "PromotionApprovalGiven")).isEqualTo(2);
            assertThat(count(promotion, "PromotionApproved")).isEqualTo(1);
        }
        System.out.printf("ConcurrentPromotionDecisionsIT: the last two approvals of a quorum of 2, %d rounds, "
                + "one 202 and one 409 each, one PromotionApproved each%n", ROUNDS);
    }

    /**
     * Cancelling stays allowed until deployment starts, so an approval that wins may still be
     * followed by the cancellation: then both are 202, in that order, and the promotion ends
     * cancelled without deploying. What never happens is an approval recorded after the
     * cancellation, or two outcomes.
     */
    @Test
    void givenOneApprovalNeeded_whenApprovedAndCancelledAtOnce_thenTheHistoryHasOneOutcome() throws Exception {
        int cancelledFirst = 0;
        int approvedThenCancelled = 0;
        int approvedOnly = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String promotion = promotionAwaitingApproval(1);
            List<Response> answers = race(() -> approve(promotion, firstApprover),
                    () -> http().post("/promotions/" + promotion + "/cancel", developer, Map.of("reason", "race")));
            Response approval = answers.get(0);
            Response cancellation = answers.get(1);
            assertThat(List.of(approval.status(), cancellation.status())).allMatch(s -> s == 202 || s == 409)
                    .contains(202);

            String outcome = awaitSettled(promotion);
            List<String> history = history(promotion);
            if (approval.status() == 409) {
                cancelledFirst++;
                assertThat(approval.problemCode()).isEqualTo(Approvals.CLOSED);
                assertThat(history).doesNotContain("PromotionApprovalGiven", "PromotionApproved");
                assertThat(outcome).isEqualTo("CANCELLED");
            } else if (cancellation.status() == 409) {
                approvedOnly++;
                assertThat(cancellation.problemCode()).isEqualTo(PromotionCodes.WRONG_STATE);
                assertThat(history).doesNotContain("PromotionCancelled");
                assertThat(outcome).isEqualTo("DEPLOYING");
            } else {
                approvedThenCancelled++;
                assertThat(history.indexOf("PromotionApproved")).isLessThan(history.indexOf("PromotionCancelled"));
                assertThat(history).doesNotContain("DeploymentStarted");
                assertThat(outcome).isEqualTo("CANCELLED");
            }
            assertThat(endings(promotion)).as("events that end promotion %s: %s", promotion, history)
                    .isEqualTo(outcome.equals("CANCELLED") ? 1 : 0);
        }
        System.out.printf("ConcurrentPromotionDecisionsIT: approve against cancel, %d rounds: cancelled first %d, "
                        + "approved then cancelled %d, approved and deploying %d; one outcome each%n",
                ROUNDS, cancelledFirst, approvedThenCancelled, approvedOnly);
    }

    // ---- steps ---------------------------------------------------------------------------------

    /** A fresh application whose only environment needs {@code approvals}, and a promotion waiting for them. */
    private String promotionAwaitingApproval(int approvals) {
        String application = http().post("/applications", releaseManager, Map.of(
                "name", "race-" + UUID.randomUUID(), "owningTeam", "payments",
                "repositoryUrl", "https://git.example.org/payments/billing.git")).createdId();
        assertThat(http().put("/applications/" + application + "/lifecycle", releaseManager,
                Map.of("environments", List.of(Map.of("name", "qa", "approval", Map.of(
                        "requiredApprovals", approvals, "approverRoles", List.of("approver"), "fourEyes", true,
                        "decisionTimeout", "PT8H"))))).status()).isEqualTo(202);
        String release = http().post("/releases", developer, Map.of("applicationId", application,
                "version", "1.0.0", "commitSha", "abcdef1",
                "artifactReference", "registry.example.org/billing:1.0.0")).createdId();
        String promotion = http().post("/releases/" + release + "/promotions", developer,
                Map.of("environment", "qa")).createdId();
        await().atMost(ASYNC).until(() -> "AWAITING_APPROVAL".equals(status(promotion)));
        return promotion;
    }

    private Response approve(String promotion, String approver) {
        return http().post("/promotions/" + promotion + "/approvals", approver, Map.of("comment", "race"));
    }

    /** Both requests released by one barrier from two threads of their own; the answers in argument order. */
    private static List<Response> race(Supplier<Response> first, Supplier<Response> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Response> a = RACERS.submit(() -> {
            start.await();
            return first.get();
        });
        Future<Response> b = RACERS.submit(() -> {
            start.await();
            return second.get();
        });
        return List.of(a.get(), b.get());
    }

    private static void assertOneWinner(List<Response> answers, String loserCode) {
        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(202, 409);
        assertThat(answers).filteredOn(r -> r.status() == 409).singleElement()
                .extracting(Response::problemCode).isEqualTo(loserCode);
    }

    /** Waits until the saga has acted on the decision: cancelled, or deploying (by hand, nothing automates it here). */
    private String awaitSettled(String promotion) {
        return await().atMost(ASYNC).until(() -> status(promotion), s -> s.equals("CANCELLED") || s.equals("DEPLOYING"));
    }

    private String status(String promotion) {
        Response response = http().get("/promotions/" + promotion, releaseManager);
        return response.status() == 200 ? response.body().path("status").asString() : "";
    }

    /** The promotion's events, by simple type name, in the aggregate's order. */
    private List<String> history(String promotion) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number")
                .param(promotion).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private long count(String promotion, String type) {
        return history(promotion).stream().filter(type::equals).count();
    }

    /** How many stored events of the promotion are ones that end it (any {@link PromotionEnded}). */
    private long endings(String promotion) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(promotion).query(String.class).list().stream()
                .filter(ConcurrentPromotionDecisionsIT::endsAPromotion).count();
    }

    private static boolean endsAPromotion(String payloadType) {
        try {
            return PromotionEnded.class.isAssignableFrom(Class.forName(payloadType));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an event type the service no longer has: " + payloadType, e);
        }
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }
}
