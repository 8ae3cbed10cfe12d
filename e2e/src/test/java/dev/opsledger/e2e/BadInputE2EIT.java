package dev.opsledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.e2e.MalformedRequests.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input through the gateway, derived from every running service's OpenAPI document (so an
 * endpoint or a service that lands later is probed without a change here): no answer may be a
 * 5xx, every 4xx is a problem detail with a {@code code}, and no service's event store grows.
 * The requests are sent by a user holding every realm role, so role checks stop none of them
 * before validation does. Figures go to {@code target/security/bad-input.txt} (docs/security.md).
 */
@Order(1)
class BadInputE2EIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int AT_LEAST = 1_000;
    private static final int MAX_RATE_LIMIT_RETRIES = 20;

    private static RunningStack stack;
    private static ProbeUser probeUser;
    private static final RawHttp HTTP = new RawHttp("127.0.0.1", 8080 + RunningStack.OFFSET);

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = RunningStack.get();
        probeUser = ProbeUser.create(stack);
    }

    @Test
    void givenEveryServicesOpenApi_whenMalformedRequestsAreSentThroughTheGateway_thenNo5xx_every4xxIsAProblemWithACode_andNoEventIsStored()
            throws Exception {
        List<String> services = RunningStack.servicesWithDatabase();
        List<Probe> probes = new ArrayList<>();
        Map<String, Integer> operations = new LinkedHashMap<>();
        for (String service : services) {
            JsonNode document = openApiOf(service);
            operations.put(service, countOperations(document));
            probes.addAll(new MalformedRequests(service, document).all());
        }
        proveTheCountSeesTheProbesEvents();
        Map<String, Long> eventsBefore = eventCounts(services);

        List<String> failures = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> perService = new TreeMap<>();
        Map<String, Integer> perKind = new TreeMap<>();
        for (Probe probe : probes) {
            RawHttp.Response response = send(probe);
            statuses.merge(response.status(), 1, Integer::sum);
            perService.merge(probe.service(), 1, Integer::sum);
            perKind.merge(probe.kind().replaceAll(" [\\w.\\[\\]]+$", "").replaceAll("^(field|path|query) .*", "$1"),
                    1, Integer::sum);
            String problem = problemDefect(response);
            if (problem != null) {
                failures.add(response.status() + " " + problem + " ← " + probe.describe()
                        + " → " + abbreviate(response.text()));
            }
            if (response.status() / 100 == 2 && !probe.method().equals("GET")) {
                accepted.add(response.status() + " ← " + probe.describe());
            }
        }
        Thread.sleep(Duration.ofSeconds(2));
        Map<String, Long> eventsAfter = eventCounts(services);

        writeFigures(services, operations, probes.size(), statuses, perService, perKind, failures, accepted,
                eventsBefore, eventsAfter);
        assertThat(services).as("the services the stack runs").isNotEmpty();
        assertThat(probes.size()).as("malformed requests derived from the OpenAPI documents").isGreaterThanOrEqualTo(AT_LEAST);
        assertThat(failures).as("answers that are a 5xx, or a 4xx without a problem body and code (%d of %d)",
                failures.size(), probes.size()).isEmpty();
        assertThat(eventsAfter).as("event store rows per service; accepted mutating requests: %s", accepted)
                .isEqualTo(eventsBefore);
    }

    /** What is wrong with the answer, or null: every answer is a 2xx or a 4xx, and every 4xx a problem with a code. */
    private static String problemDefect(RawHttp.Response response) {
        int status = response.status();
        if (status / 100 == 2) {
            return null;
        }
        if (status / 100 != 4) {
            return "not a 2xx or 4xx";
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "4xx with Content-Type " + type;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body.path("code").asString("").isBlank()) {
                return "problem without a code";
            }
            if (body.path("status").asInt() != status) {
                return "problem whose status differs from the answer's";
            }
            return null;
        } catch (RuntimeException unreadable) {
            return "problem body is not JSON";
        }
    }

    private static RawHttp.Response send(Probe probe) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(probe.headers());
        if (probe.authenticated()) {
            headers.put("Authorization", "Bearer " + probeUser.token());
        }
        RawHttp.Response response = HTTP.send(probe.method(), probe.target(), headers, probe.body());
        for (int retry = 0; response.status() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
            // The gateway's per-caller token bucket: a refusal to wait out, not the answer under test.
            long seconds = Long.parseLong(response.header("Retry-After") == null ? "1" : response.header("Retry-After"));
            Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)));
            response = HTTP.send(probe.method(), probe.target(), headers, probe.body());
        }
        return response;
    }

    private static JsonNode openApiOf(String service) throws IOException {
        RawHttp.Response response = HTTP.send("GET", "/api/" + service + "/v3/api-docs",
                Map.of("Authorization", "Bearer " + probeUser.token(), "Accept", "application/json"), null);
        assertThat(response.status()).as("%s's OpenAPI document through the gateway: %s", service, response.text())
                .isEqualTo(200);
        Path copy = Path.of("target", "security", service + "-openapi.json");
        Files.createDirectories(copy.getParent());
        Files.write(copy, response.body());
        return JSON.readTree(response.body());
    }

    private static int countOperations(JsonNode document) {
        int count = 0;
        for (JsonNode pathItem : document.path("paths")) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                count += pathItem.has(method) ? 1 : 0;
            }
        }
        return count;
    }

    /** One valid request of the probe user is counted: the count below could see an accepted bad one. */
    private static void proveTheCountSeesTheProbesEvents() throws Exception {
        long before = eventCounts(List.of("release")).get("release");
        byte[] application = JSON.writeValueAsBytes(Map.of("name", "probe-control-" + UUID.randomUUID(),
                "owningTeam", "probes", "repositoryUrl", "https://git.example.org/probes/control.git"));
        RawHttp.Response created = HTTP.send("POST", "/api/applications", Map.of("Authorization",
                "Bearer " + probeUser.token(), "Content-Type", "application/json"), application);
        assertThat(created.status()).as("the probe user's valid request").isEqualTo(201);
        assertThat(eventCounts(List.of("release")).get("release")).as("events the probe user caused").isGreaterThan(before);
    }

    /**
     * The events the probe user caused, per service: its name is in their metadata (the actor). Not
     * every row: the demo's own history moves on meanwhile (a backup verified, a deadline fired),
     * and that is no request of ours being accepted.
     */
    private static Map<String, Long> eventCounts(List<String> services) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : services) {
            try (Connection connection = RunningStack.database(service);
                 PreparedStatement statement = connection.prepareStatement("select count(*) from domain_event_entry"
                         + " where position(? in convert_from(meta_data, 'UTF8')) > 0")) {
                statement.setString(1, "\"" + ProbeUser.USERNAME + "\"");
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    counts.put(service, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void writeFigures(List<String> services, Map<String, Integer> operations, int sent,
                                     Map<Integer, Integer> statuses, Map<String, Integer> perService,
                                     Map<String, Integer> perKind, List<String> failures, List<String> accepted,
                                     Map<String, Long> before, Map<String, Long> after) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("BadInputE2EIT\n");
        text.append("services: ").append(services).append("; operations: ").append(operations).append('\n');
        text.append("requests sent: ").append(sent).append("; per service: ").append(perService).append('\n');
        text.append("per kind: ").append(perKind).append('\n');
        text.append("statuses: ").append(statuses).append('\n');
        text.append("5xx or 4xx without problem+code: ").append(failures.size()).append('\n');
        text.append("2xx on a mutating method: ").append(accepted.size()).append('\n');
        text.append("event store rows before: ").append(before).append("; after: ").append(after).append('\n');
        failures.forEach(f -> text.append("  FAIL ").append(f).append('\n'));
        accepted.forEach(a -> text.append("  ACCEPTED ").append(a).append('\n'));
        Path report = Path.of("target", "security", "bad-input.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
        System.out.println(text.length() > 20_000 ? text.substring(0, 20_000) : text);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
