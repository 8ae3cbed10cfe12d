package dev.opsledger.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the merged audit stands in every service's stream: the state behind the gateway's
 * {@code nextCursor}. Each service pages its own log with the kit's keyset {@code Cursor}; this
 * record only remembers those cursors (and what was merged of their last page), one per service. Services'
 * cursors are opaque, so a position is "that service's cursor, then skip N entries"; N is
 * normally 0 (see {@link AuditMerger}). Encoded as base64url JSON so clients treat it as opaque.
 */
public record MergedAuditPosition(int v, Map<String, Position> positions) {

    private static final int VERSION = 1;
    public static final MergedAuditPosition START = new MergedAuditPosition(VERSION, Map.of());

    /** {@code cursor} null: that service's start. {@code done}: nothing more there. */
    public record Position(String cursor, int skip, boolean done) {
        public static final Position START = new Position(null, 0, false);

        public Position {
            if (skip < 0) {
                throw new IllegalArgumentException("skip must not be negative");
            }
        }
    }

    public MergedAuditPosition {
        positions = positions == null ? Map.of() : new TreeMap<>(positions);
    }

    public Position position(String service) {
        return positions.getOrDefault(service, Position.START);
    }

    public String encode(JsonMapper json) {
        byte[] bytes = json.writeValueAsBytes(this);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when the text is not a cursor this gateway issued */
    public static MergedAuditPosition decode(String text, JsonMapper json) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            MergedAuditPosition cursor = json.readValue(new String(bytes, StandardCharsets.UTF_8), MergedAuditPosition.class);
            if (cursor.v() != VERSION) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            return cursor;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException("not a valid audit cursor", e);
        }
    }
}
