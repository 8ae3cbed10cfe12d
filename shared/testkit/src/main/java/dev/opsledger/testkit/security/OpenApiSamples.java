package dev.opsledger.testkit.security;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values that follow the schemas of one OpenAPI document (as springdoc writes it, 3.0 or 3.1):
 * every property, the example or the first enum value, a value of the declared format, fresh text
 * each call. A pattern with no example can't be met: the service should give such a field one. The
 * security tests start from them: the role matrix sends them so a request gets past binding to
 * the role check, the bad-input test breaks them one field at a time.
 */
public final class OpenApiSamples {

    private final JsonNode document;
    private final java.util.concurrent.atomic.AtomicLong instants = new java.util.concurrent.atomic.AtomicLong();

    public OpenApiSamples(JsonNode document) {
        this.document = document;
    }

    public JsonNode document() {
        return document;
    }

    /** A value that follows {@code schema}; free text is fresh each call, so names never collide between requests. */
    public JsonNode validValue(JsonNode schema) {
        return validValue(schema, 0);
    }

    private JsonNode validValue(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        // An example is the one value sure to match a pattern or a rule the schema can't state
        // (a time of day, a zone); text without one gets a fresh value, so names never collide.
        if (resolved.has("example") && !resolved.path("example").isNull() && depth > 0) {
            return resolved.path("example");
        }
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String format = resolved.path("format").asString("");
        return switch (typeOf(resolved)) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth < 6) {
                    resolved.path("properties").properties()
                            .forEach(p -> object.set(p.getKey(), validValue(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(validValue(resolved.path("items"), depth + 1));
                yield array;
            }
            case "integer" -> nodes.numberNode(Math.max(1, resolved.path("minimum").asInt(1)));
            case "number" -> nodes.numberNode(Math.max(1.0, resolved.path("minimum").asDouble(1.0)));
            case "boolean" -> nodes.booleanNode(true);
            default -> nodes.stringNode(switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                // Later each call: a "from" sampled before a "to" comes before it.
                case "date-time" -> java.time.Instant.parse("2030-01-01T00:00:00Z")
                        .plusSeconds(3600L * instants.incrementAndGet()).toString();
                case "date" -> "2030-01-01";
                case "uri", "url" -> "https://example.org/probe";
                case "email" -> "probe@example.org";
                case "duration" -> "PT1H";
                default -> {
                    String fresh = "probe-" + UUID.randomUUID().toString().substring(0, 8);
                    int longest = resolved.path("maxLength").asInt(fresh.length());
                    yield fresh.substring(0, Math.max(1, Math.min(fresh.length(), longest)));
                }
            });
        };
    }

    /** The schema behind {@code $ref}s, and the first of an {@code allOf}/{@code oneOf}/{@code anyOf}. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (current.path(combinator).isArray() && !current.path(combinator).isEmpty() && !current.has("properties")) {
                return resolve(current.path(combinator).get(0));
            }
        }
        return current;
    }

    /** The declared type; OpenAPI 3.1 may list {@code ["string", "null"]}. */
    public static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode candidate : type) {
                if (!candidate.asString().equals("null")) {
                    return candidate.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "unknown";
    }

    /** The JSON schema of the operation's request body, or null when it takes none. */
    public JsonNode jsonBodySchema(JsonNode operation) {
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        for (var media : content.properties()) {
            if (media.getKey().contains("json")) {
                return media.getValue().path("schema");
            }
        }
        return null;
    }
}
