package dev.opsledger.devstack;

import dev.opsledger.testkit.KeycloakServer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What a first-time visitor finds on the board: two applications with dev → qa → staging → prod
 * lifecycles (QA open Monday and Wednesday 12:00–15:00 Berlin time, as in the team's seed
 * article), releases at different stages, and a promotion waiting for approval. Everything goes
 * through the public API with real tokens, so the demo history is a real, auditable history.
 */
final class DemoData {

    private final ApiClient api;

    DemoData(String gatewayUrl, KeycloakServer keycloak) {
        this.api = new ApiClient(gatewayUrl, keycloak);
    }

    void seed(PrintStream out) {
        String billing = registerApplication("billing", "payments", "https://git.example.org/payments/billing.git");
        String storefront = registerApplication("storefront", "web", "https://git.example.org/web/storefront.git");

        String billing100 = createRelease(billing, "1.0.0", "3f9a2c1", "First billing release");
        deploy(billing100, "dev");
        String billing110 = createRelease(billing, "1.1.0", "8b7e4d2", "Invoices in PDF");
        String waiting = api.create("dev2", "/api/releases/" + billing110 + "/promotions", Map.of("environment", "dev"));
        out.println("  billing 1.0.0 deployed to dev; billing 1.1.0 waits for approval to dev (promotion " + waiting + ")");

        String storefront230 = createRelease(storefront, "2.3.0", "c0ffee1", "Checkout redesign");
        deploy(storefront230, "dev");
        String toQa = api.create("dev1", "/api/releases/" + storefront230 + "/promotions", Map.of("environment", "qa"));
        api.expectSuccess(api.post("appr1", "/api/promotions/" + toQa + "/approvals", Map.of("comment", "QA may test it")),
                "approve storefront 2.3.0 for qa");
        out.println("  storefront 2.3.0 deployed to dev, approved for qa and waiting for the QA window");
    }

    private String registerApplication(String name, String team, String repository) {
        String id = api.create("rm1", "/api/applications",
                Map.of("name", name, "owningTeam", team, "repositoryUrl", repository));
        api.expectSuccess(api.put("rm1", "/api/applications/" + id + "/lifecycle", Map.of("environments", List.of(
                environment("dev", 1, false, List.of()),
                environment("qa", 1, true, List.of(Map.of(
                        "days", List.of("MONDAY", "WEDNESDAY"), "from", "12:00", "to", "15:00", "zone", "Europe/Berlin"))),
                environment("staging", 1, true, List.of()),
                environment("prod", 2, true, List.of())))), "define the lifecycle of " + name);
        return id;
    }

    private static Map<String, Object> environment(String name, int approvers, boolean fourEyes,
                                                   List<Map<String, Object>> windows) {
        return Map.of("name", name,
                "approval", Map.of("requiredApprovals", approvers, "approverRoles", List.of("approver"),
                        "fourEyes", fourEyes, "decisionTimeout", "P7D"),
                "windows", windows);
    }

    private String createRelease(String applicationId, String version, String commit, String notes) {
        return api.create("dev1", "/api/releases", Map.of("applicationId", applicationId, "version", version,
                "commitSha", commit, "artifactReference", "registry.example.org/demo:" + version, "notes", notes));
    }

    /** Request, approve as someone else, wait for the saga to start deploying, confirm. */
    private void deploy(String releaseId, String environment) {
        String promotion = api.create("dev1", "/api/releases/" + releaseId + "/promotions", Map.of("environment", environment));
        api.expectSuccess(api.post("appr1", "/api/promotions/" + promotion + "/approvals", Map.of("comment", "looks good")),
                "approve " + promotion);
        api.await("rm1", "/api/promotions/" + promotion, body -> body.path("status").asString().equals("DEPLOYING"),
                "promotion " + promotion + " to start deploying");
        api.expectSuccess(api.post("rm1", "/api/promotions/" + promotion + "/deployment-result",
                Map.of("outcome", "SUCCEEDED", "evidenceUrl", "https://ci.example.org/deploy/" + promotion)),
                "confirm " + promotion);
        api.await("rm1", "/api/promotions/" + promotion, body -> body.path("status").asString().equals("DEPLOYED"),
                "promotion " + promotion + " to be deployed");
    }
}
