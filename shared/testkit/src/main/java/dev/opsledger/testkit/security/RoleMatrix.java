package dev.opsledger.testkit.security;

import dev.opsledger.testkit.LocalJwtIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's declared matrix of endpoint × realm role → {@code allow} or {@code deny}, read from
 * one file on its test classpath, and its check against the running service.
 *
 * <p>The file: {@code #} comments; a header {@code roles <role> <role> … none}; then one row per
 * operation, {@code <METHOD> <path as in the OpenAPI document> <allow|deny per role>}. {@code none}
 * is a signed-in user without any realm role.
 *
 * <p>The check: every operation of the service's OpenAPI document has a row and every row an
 * operation (a new endpoint without a row fails); every cell is sent with a token holding exactly
 * that role, a body that follows the schema and fresh ids. {@code deny} must answer 403;
 * {@code allow} anything but 401 or 403 (a 404 for an id that doesn't exist has passed the role
 * check). Bodies follow the schema, so binding can't answer 400 before the role check runs and
 * hide a deny.
 */
public final class RoleMatrix {

    /** Paths every servlet service has from Spring and the platform but does not own as API: not in the matrix. */
    private static final Set<String> NOT_API = Set.of("/error");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Row(String method, String path, Map<String, Boolean> allowed) {

        String operation() {
            return method + " " + path;
        }
    }

    /** The outcome: cells sent and the ones whose answer disagreed with the file. */
    public record Outcome(int operations, int cells, List<String> wrong, List<String> withoutRow, List<String> withoutOperation) {
    }

    private final List<String> roles;
    private final List<Row> rows;

    private RoleMatrix(List<String> roles, List<Row> rows) {
        this.roles = roles;
        this.rows = rows;
    }

    public static RoleMatrix read(String resource) {
        try (InputStream in = RoleMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no role matrix at classpath:" + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static RoleMatrix parse(String text) {
        List<String> roles = null;
        List<Row> rows = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words[0].equals("roles")) {
                roles = List.of(Arrays.copyOfRange(words, 1, words.length));
                continue;
            }
            if (roles == null) {
                throw new IllegalArgumentException("the roles header must come before the rows: " + line);
            }
            if (words.length != roles.size() + 2) {
                throw new IllegalArgumentException("expected a method, a path and " + roles.size() + " cells: " + line);
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 0; i < roles.size(); i++) {
                String cell = words[i + 2];
                if (!cell.equals("allow") && !cell.equals("deny")) {
                    throw new IllegalArgumentException("a cell is allow or deny, not " + cell + ": " + line);
                }
                allowed.put(roles.get(i), cell.equals("allow"));
            }
            rows.add(new Row(words[0].toUpperCase(), words[1], allowed));
        }
        if (roles == null) {
            throw new IllegalArgumentException("no roles header");
        }
        return new RoleMatrix(roles, List.copyOf(rows));
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> roles() {
        return roles;
    }

    /** The operations of the service's OpenAPI document, as {@code METHOD path}. */
    public static Set<String> operationsOf(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (var path : document.path("paths").properties()) {
            if (NOT_API.contains(path.getKey())) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /**
     * A service's {@code security/role-matrix.txt} holds against the service at {@code baseUrl}: every
     * cell answered as declared, every endpoint of its OpenAPI document with a row, no row without an
     * endpoint. Prints the figures {@code docs/security.md} quotes; fails naming every wrong cell.
     */
    public static Outcome assertHolds(String service, String baseUrl, LocalJwtIssuer issuer)
            throws IOException, InterruptedException {
        RoleMatrix matrix = read("security/role-matrix.txt");
        Outcome outcome = matrix.check(baseUrl, issuer);
        System.out.printf("RoleMatrixIT %s: %d operations, %d cells checked, %d wrong%n",
                service, outcome.operations(), outcome.cells(), outcome.wrong().size());
        List<String> problems = new ArrayList<>();
        outcome.withoutRow().forEach(operation -> problems.add("endpoint without a row in the matrix: " + operation));
        outcome.withoutOperation().forEach(row -> problems.add("row naming no endpoint: " + row));
        outcome.wrong().forEach(cell -> problems.add("answered otherwise than declared: " + cell));
        if (outcome.cells() != outcome.operations() * matrix.roles().size()) {
            problems.add(outcome.cells() + " cells checked for " + outcome.operations() + " operations × "
                    + matrix.roles().size() + " roles");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(service + "'s role matrix does not hold:\n  " + String.join("\n  ", problems));
        }
        return outcome;
    }

    /** Sends every cell to the service at {@code baseUrl} (e.g. {@code http://127.0.0.1:8081}). */
    public Outcome check(String baseUrl, LocalJwtIssuer issuer) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (docs.statusCode() != 200) {
            throw new IllegalStateException("the service's OpenAPI document: " + docs.statusCode() + " " + docs.body());
        }
        JsonNode document = JSON.readTree(docs.body());
        OpenApiSamples samples = new OpenApiSamples(document);
        Set<String> operations = operationsOf(document);
        Set<String> declared = new LinkedHashSet<>();
        rows.forEach(row -> declared.add(row.operation()));
        List<String> withoutRow = operations.stream().filter(o -> !declared.contains(o)).toList();
        List<String> withoutOperation = declared.stream().filter(d -> !operations.contains(d)).toList();

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            if (!operations.contains(row.operation())) {
                continue;
            }
            JsonNode operation = document.path("paths").path(row.path()).path(row.method().toLowerCase());
            for (String role : roles) {
                Set<String> realmRoles = role.equals("none") ? Set.of() : Set.of(role);
                HttpResponse<String> answer = http.send(request(baseUrl, row, operation, samples)
                        .header("Authorization", issuer.bearer("matrix-" + role, realmRoles)).build(),
                        HttpResponse.BodyHandlers.ofString());
                cells++;
                boolean expectAllowed = row.allowed().get(role);
                int status = answer.statusCode();
                boolean ok = expectAllowed ? status != 401 && status != 403 : status == 403;
                if (!ok) {
                    wrong.add(row.operation() + " as " + role + ": declared " + (expectAllowed ? "allow" : "deny")
                            + ", answered " + status + " " + abbreviate(answer.body()));
                }
            }
        }
        return new Outcome(operations.size(), cells, wrong, withoutRow, withoutOperation);
    }

    private static HttpRequest.Builder request(String baseUrl, Row row, JsonNode operation, OpenApiSamples samples) {
        String path = row.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = samples.resolve(parameter);
            String name = resolved.path("name").asString();
            String value = samples.validValue(resolved.path("schema")).asString();
            if (resolved.path("in").asString().equals("path")) {
                path = path.replace("{" + name + "}", java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (resolved.path("in").asString().equals("query") && resolved.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        JsonNode bodySchema = samples.jsonBodySchema(operation);
        HttpRequest.BodyPublisher body = bodySchema == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(samples.validValue(bodySchema)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path + query))
                .timeout(Duration.ofSeconds(30))
                .method(row.method(), body);
        if (bodySchema != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
