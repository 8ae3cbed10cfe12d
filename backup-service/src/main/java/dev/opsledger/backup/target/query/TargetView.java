package dev.opsledger.backup.target.query;

import java.time.Instant;

/** A target as clients read it; credentials appear only as their reference. */
public record TargetView(String targetId, String name, String kind, String host, Integer port, String database,
                         String credentialsRef, String path, String sufficiency, String registeredBy,
                         Instant registeredAt) {
}
