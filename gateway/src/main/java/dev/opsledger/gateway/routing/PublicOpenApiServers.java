package dev.opsledger.gateway.routing;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document lists the address it was asked on as its server, which behind the
 * gateway is an address clients can't reach. Served through the gateway, the document names the
 * public prefix instead, so its paths ({@code /releases}) resolve to the public ones
 * ({@code /api/releases}). Answers that are not a document (a 401 problem, a 503) pass unchanged.
 */
final class PublicOpenApiServers {

    private final String publicPrefix;
    private final JsonMapper json;

    PublicOpenApiServers(String publicPrefix, JsonMapper json) {
        this.publicPrefix = publicPrefix;
        this.json = json;
    }

    String rewrite(ServerWebExchange exchange, String body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (body == null || status == null || !status.is2xxSuccessful()) {
            return body;
        }
        return rewrite(body);
    }

    String rewrite(String document) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JacksonException notJson) {
            return document;
        }
        if (!(root instanceof ObjectNode object) || !object.has("openapi")) {
            return document;
        }
        ArrayNode servers = object.putArray("servers");
        servers.addObject().put("url", publicPrefix).put("description", "Through the OpsLedger gateway");
        return json.writeValueAsString(object);
    }
}
