package dev.opsledger.e2e;

import dev.opsledger.testkit.security.OpenApiSamples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests derived from one service's OpenAPI document, with no knowledge of the
 * service: every operation, every path and query parameter, every field of every JSON body gets
 * the wrong kinds of input for its declared type. Each request is wrong in at least one way a
 * service must refuse, so none of them may store anything.
 *
 * <p>A body mutant starts from a body that follows the schema (every property, valid values for
 * the declared types and formats) and breaks one thing; a path or query mutant keeps the rest
 * well-formed. So the refusal must come from the broken part, not from an unrelated one.
 */
final class MalformedRequests {

    /** One request to send. {@code target} is written on the wire as is; {@code authenticated} false sends the given Authorization or none. */
    record Probe(String service, String operation, String kind, String method, String target,
                 Map<String, String> headers, byte[] body, boolean authenticated) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return service + " " + method + " " + abbreviate(target) + " [" + kind + "] " + headers + " " + shown;
        }

        private static String abbreviate(String text) {
            return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";
    private static final String HUGE = "A".repeat(100_000);

    /** Values no id may be; each also tried as a query value of id-like parameters. */
    private static final List<String> BAD_IDS = List.of(
            "not-a-uuid", "0", "-1", "99999999999999999999999999", "null", "%20", "'%20OR%20'1'='1",
            "..%2F..%2Fetc%2Fpasswd", "%00", "%01", "%zz", "%", "%F0%9F%98%80", "%E2%80%AE", "%C0%AE",
            "x".repeat(5000), "%7B%7D", "..;", "%2e%2e");

    /** Query values that are wrong whatever the parameter: control characters, broken encodings, huge. */
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "%00", "%1B%5B2J", "%zz", "%E0%A4%A", "%C2%85", "x".repeat(3000), "%F0%9F%98%80%E2%80%AE", "[]");

    private final String service;
    private final JsonNode document;
    private final String base;
    private final OpenApiSamples samples;

    MalformedRequests(String service, JsonNode document) {
        this.service = service;
        this.document = document;
        this.samples = new OpenApiSamples(document);
        JsonNode servers = document.path("servers");
        String url = servers.isArray() && !servers.isEmpty() ? servers.get(0).path("url").asString("") : "";
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    probes.addAll(new Operation(path.getKey(), method, operation.getValue(), path.getValue()).probes());
                }
            }
        }
        return probes;
    }

    /** One operation of the document and the wrong requests it gets. */
    private final class Operation {

        private final String template;
        private final String method;
        private final JsonNode operation;
        private final List<JsonNode> parameters = new ArrayList<>();
        private final String name;
        private final List<Probe> probes = new ArrayList<>();

        Operation(String template, String method, JsonNode operation, JsonNode pathItem) {
            this.template = template;
            this.method = method;
            this.operation = operation;
            pathItem.path("parameters").forEach(p -> parameters.add(resolve(p)));
            operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
            this.name = method + " " + template;
        }

        List<Probe> probes() {
            authProbes();
            pathProbes();
            queryProbes();
            JsonNode bodySchema = jsonBodySchema();
            if (bodySchema != null) {
                wholeBodyProbes(bodySchema);
                fieldProbes(bodySchema);
            }
            return probes;
        }

        private void authProbes() {
            add("no token", target(Map.of(), validQuery(null, null)), Map.of(), validBodyOrNull(), false);
            add("garbage token", target(Map.of(), validQuery(null, null)), Map.of("Authorization", "Bearer not.a.jwt"),
                    validBodyOrNull(), false);
            add("alg none token", target(Map.of(), validQuery(null, null)),
                    Map.of("Authorization", "Bearer " + unsignedToken()), validBodyOrNull(), false);
        }

        private void pathProbes() {
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asString().equals("path")) {
                    String parameterName = parameter.path("name").asString();
                    for (String bad : BAD_IDS) {
                        add("path " + parameterName, target(Map.of(parameterName, bad), validQuery(null, null)),
                                jsonHeaders(), validBodyOrNull(), true);
                    }
                }
            }
            String good = target(Map.of(), "");
            for (String suffix : List.of("/%2F..", "/..;/x", "//", "/%zz", "/%00", "/\u00e9")) {
                add("malformed path", good + suffix, jsonHeaders(), validBodyOrNull(), true);
            }
        }

        private void queryProbes() {
            String path = target(Map.of(), "");
            for (JsonNode parameter : parameters) {
                if (!parameter.path("in").asString().equals("query")) {
                    continue;
                }
                String parameterName = parameter.path("name").asString();
                JsonNode schema = resolve(parameter.path("schema"));
                List<String> values = new ArrayList<>(BAD_QUERY_VALUES);
                values.addAll(wrongQueryValuesFor(schema));
                for (String bad : values) {
                    add("query " + parameterName, path + validQuery(parameterName, bad), jsonHeaders(), validBodyOrNull(), true);
                }
                add("query " + parameterName + " twice", path + validQuery(parameterName, "1") + "&" + parameterName + "=x%00",
                        jsonHeaders(), validBodyOrNull(), true);
            }
            for (String query : List.of("?%zz=1", "?=&&==", "?a=%E0%A4%A", "?%00=%00")) {
                add("malformed query", path + query, jsonHeaders(), validBodyOrNull(), true);
            }
        }

        private List<String> wrongQueryValuesFor(JsonNode schema) {
            String type = typeOf(schema);
            String format = schema.path("format").asString("");
            List<String> values = new ArrayList<>();
            switch (type) {
                case "integer", "number" -> values.addAll(List.of("abc", "1.5e999", "99999999999999999999999", "-1", "", "0x10", "NaN"));
                case "boolean" -> values.addAll(List.of("maybe", "2"));
                default -> {
                    if (!format.isEmpty() || schema.has("enum") || schema.has("pattern")) {
                        values.addAll(List.of("not-a-" + (format.isEmpty() ? "value" : format), "2024-13-45T99%3A99%3A99Z"));
                    }
                    if (format.equals("uuid")) {
                        values.addAll(BAD_IDS.subList(0, 8));
                    }
                }
            }
            if (schema.has("enum")) {
                values.add("NOT_A_VALUE");
            }
            return values;
        }

        private void wholeBodyProbes(JsonNode schema) {
            String path = target(Map.of(), validQuery(null, null));
            String valid = JSON.writeValueAsString(validValue(schema, 0));
            List<String> broken = List.of("", "{", "}", "{\"a\":", "nul", "{'a':1}", valid + ",", valid.replaceFirst("\\{", "{,"),
                    "[]", "[" + valid + "]", "\"text\"", "42", "true", "null", "{}", "[".repeat(5000) + "]".repeat(5000),
                    "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), allNull(schema));
            for (String body : broken) {
                add("body", path, jsonHeaders(), body.getBytes(StandardCharsets.UTF_8), true);
            }
            byte[] invalidUtf8 = valid.replaceFirst("\"", "\"\u0001MARK").getBytes(StandardCharsets.UTF_8);
            add("body invalid UTF-8", path, jsonHeaders(), replaceMark(invalidUtf8), true);
            for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "*/*", "application/*", "nonsense", "application/json; charset=nope",
                    "application/json; charset=utf-16", "application/json\u0001")) {
                add("content type", path, Map.of("Content-Type", contentType), valid.getBytes(StandardCharsets.UTF_8), true);
            }
            add("no content type", path, Map.of(), valid.getBytes(StandardCharsets.UTF_8), true);
        }

        /** Every field (nested objects and array items included): each wrong value for its type, alone. */
        private void fieldProbes(JsonNode schema) {
            walkFields(schema, schema, new ArrayList<>(), 0);
        }

        /**
         * {@code root} is the body's schema: every mutant starts from a fresh valid body (new names
         * and ids), so one mutant a service wrongly accepts can't hide the next behind a
         * "name taken".
         */
        private void walkFields(JsonNode schema, JsonNode root, List<Object> at, int depth) {
            JsonNode object = resolve(schema);
            if (depth > 4 || !typeOf(object).equals("object")) {
                return;
            }
            List<String> required = new ArrayList<>();
            object.path("required").forEach(r -> required.add(r.asString()));
            for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
                List<Object> field = new ArrayList<>(at);
                field.add(property.getKey());
                JsonNode fieldSchema = resolve(property.getValue());
                String label = "field " + pathText(field);
                if (required.contains(property.getKey())) {
                    addBody(label + " missing", root, field, null);
                    addBody(label + " null", root, field, "null");
                }
                for (String wrong : wrongValuesFor(fieldSchema)) {
                    addBody(label, root, field, wrong);
                }
                String type = typeOf(fieldSchema);
                if (type.equals("object")) {
                    walkFields(fieldSchema, root, field, depth + 1);
                } else if (type.equals("array") && typeOf(resolve(fieldSchema.path("items"))).equals("object")) {
                    List<Object> item = new ArrayList<>(field);
                    item.add(0);
                    walkFields(fieldSchema.path("items"), root, item, depth + 1);
                }
            }
        }

        private List<String> wrongValuesFor(JsonNode schema) {
            String format = schema.path("format").asString("");
            return switch (typeOf(schema)) {
                case "string" -> {
                    List<String> values = new ArrayList<>(List.of("42", "true", "{}", "[\"a\"]",
                            quoted(HUGE), "\"a\\u0000b\"", "\"\\u001b[2J\"", "\"del\\u007f\"",
                            "\"\\ud800\"", "\"\\uffff\"", "\"evil\\u202etxt\"", "\"next\\u0085line\""));
                    if (!format.isEmpty() || schema.has("pattern")) {
                        values.add("\"not-a-" + (format.isEmpty() ? "match" : format) + "\"");
                    }
                    if (format.equals("date-time")) {
                        values.add("\"2024-13-45T99:99:99Z\"");
                        values.add("\"+999999999-12-31T23:59:59Z\"");
                    }
                    if (format.equals("duration") || schema.path("pattern").asString("").startsWith("^P")) {
                        values.addAll(List.of("\"PT-1H\"", "\"PT9999999999999999H\"", "\"P1Y\""));
                    }
                    if (schema.has("enum")) {
                        values.add("\"NOT_A_VALUE\"");
                    }
                    yield values;
                }
                case "integer" -> List.of("\"abc\"", "\"12\"", "1.5", "99999999999999999999999", "1e400", "true", "{}", "[]",
                        "-99999999999");
                case "number" -> List.of("\"abc\"", "\"1.5\"", "1e400", "-1e400", "true", "[]");
                case "boolean" -> List.of("\"yes\"", "1", "\"true\"", "{}");
                case "array" -> {
                    String itemType = typeOf(resolve(schema.path("items")));
                    yield List.of("{}", "\"x\"", "42", "[null]", itemType.equals("string") ? "[{}]" : "[\"x\"]");
                }
                case "object" -> List.of("[]", "\"x\"", "42", "true");
                default -> List.of("[[[]]]", quoted(HUGE));
            };
        }

        private void addBody(String kind, JsonNode rootSchema, List<Object> field, String rawValue) {
            JsonNode copy = validValue(rootSchema, 0);
            String placeholder = "@@PROBE-" + UUID.randomUUID() + "@@";
            JsonNode parent = copy;
            for (int i = 0; i < field.size() - 1; i++) {
                Object step = field.get(i);
                parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
            }
            Object last = field.getLast();
            if (parent instanceof ObjectNode object && last instanceof String key) {
                if (rawValue == null) {
                    object.remove(key);
                } else {
                    object.put(key, placeholder);
                }
            } else if (parent instanceof ArrayNode array && last instanceof Integer index && array.size() > index) {
                array.set(index, JsonNodeFactory.instance.stringNode(placeholder));
            } else {
                return;
            }
            String body = JSON.writeValueAsString(copy);
            if (rawValue != null) {
                body = body.replace("\"" + placeholder + "\"", rawValue);
            }
            add(kind, target(Map.of(), validQuery(null, null)), jsonHeaders(), body.getBytes(StandardCharsets.UTF_8), true);
        }

        private JsonNode jsonBodySchema() {
            JsonNode content = resolve(operation.path("requestBody")).path("content");
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                if (media.getKey().contains("json")) {
                    return media.getValue().path("schema");
                }
            }
            return null;
        }

        private byte[] validBodyOrNull() {
            JsonNode schema = jsonBodySchema();
            return schema == null ? null : JSON.writeValueAsString(validValue(schema, 0)).getBytes(StandardCharsets.UTF_8);
        }

        private String allNull(JsonNode schema) {
            ObjectNode nulls = JsonNodeFactory.instance.objectNode();
            resolve(schema).path("properties").propertyNames().forEach(nulls::putNull);
            return JSON.writeValueAsString(nulls);
        }

        /** The path with valid values for its parameters but those given (raw, already encoded). */
        private String target(Map<String, String> overrides, String query) {
            String path = template;
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asString().equals("path")) {
                    String parameterName = parameter.path("name").asString();
                    String value = overrides.getOrDefault(parameterName,
                            validValue(parameter.path("schema"), 0).asString());
                    path = path.replace("{" + parameterName + "}", value);
                }
            }
            return base + path + query;
        }

        /** Required query parameters with valid values, one of them replaced by {@code badValue}. */
        private String validQuery(String replaced, String badValue) {
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : parameters) {
                String parameterName = parameter.path("name").asString();
                if (!parameter.path("in").asString().equals("query")) {
                    continue;
                }
                String value;
                if (parameterName.equals(replaced)) {
                    value = badValue;
                } else if (parameter.path("required").asBoolean(false)) {
                    value = java.net.URLEncoder.encode(validValue(parameter.path("schema"), 0).asString(),
                            StandardCharsets.UTF_8);
                } else {
                    continue;
                }
                query.append(query.isEmpty() ? "?" : "&").append(parameterName).append('=').append(value);
            }
            return query.toString();
        }

        private void add(String kind, String target, Map<String, String> headers, byte[] body, boolean authenticated) {
            probes.add(new Probe(service, name, kind, method, target, headers, body, authenticated));
        }
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_TYPE);
        headers.put("Accept", "application/json, application/problem+json");
        return headers;
    }

    JsonNode validValue(JsonNode schema, int depth) {
        return samples.validValue(schema);
    }

    JsonNode resolve(JsonNode schema) {
        return samples.resolve(schema);
    }

    static String typeOf(JsonNode schema) {
        return OpenApiSamples.typeOf(schema);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String pathText(List<Object> field) {
        StringBuilder text = new StringBuilder();
        for (Object step : field) {
            text.append(step instanceof Integer index ? "[" + index + "]" : (text.isEmpty() ? "" : ".") + step);
        }
        return text.toString();
    }

    /** Replaces the marker (U+0001 then MARK) with a byte sequence that is not UTF-8. */
    private static byte[] replaceMark(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\u0001MARK");
        if (at < 0) {
            return new byte[] {(byte) 0xC3, (byte) 0x28};
        }
        byte[] out = new byte[body.length - 5 + 2];
        System.arraycopy(body, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(body, at + 5, out, at + 2, body.length - at - 5);
        return out;
    }

    private static String unsignedToken() {
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"sub\":\"forged\",\"iss\":\"" + RunningStack.KEYCLOAK
                + "/realms/opsledger\",\"aud\":\"opsledger\",\"exp\":4102444800,\"realm_access\":{\"roles\":[\"admin\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
