package dev.opsledger.backup.run.query;

import java.time.Instant;

/** A backup run as clients read it. */
public record RunView(String runId, String targetId, String targetName, String policyId, String trigger,
                      String requestId, String status, String verification, boolean expired, String requestedBy,
                      Instant requestedAt, Instant startedAt, Instant completedAt, String location, Long sizeBytes,
                      String sha256, Long durationMs, String toolVersion, String failureReason, String stderrTail,
                      Instant verifiedAt, String verificationDetail, Instant expiredAt) {
}
