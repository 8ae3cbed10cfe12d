/**
 * The service's audit trail: every event of its store, in global order, chained by SHA-256.
 *
 * <h2>What a service gets</h2>
 * <ul>
 *   <li>Table {@code audit_log} (platform migration V2), written by the tracking processor
 *       {@code audit-log} from the first event on; a replay writes nothing new.</li>
 *   <li>{@code GET /audit} (roles {@code auditor} or {@code admin}): filters {@code actor} (id or
 *       name), {@code from} (inclusive), {@code to} (exclusive), {@code aggregateId},
 *       {@code aggregateType}, {@code type} (event class simple name), {@code correlationId};
 *       {@code limit} 1–500 (default 50); {@code cursor} = the previous page's
 *       {@code nextCursor}. Ordered by event time, then global index.</li>
 *   <li>{@code GET /audit/verify} (same roles): {@code {valid, entries, anchor}} or
 *       {@code {valid:false, entries, firstBrokenGlobalIndex, tampering, reason, anchor}}, with
 *       {@code tampering} one of {@code CHANGED}, {@code INSERTED}, {@code MISSING} and
 *       {@code anchor} the signed checkpoint checked against ({@link AuditChainVerifier}).</li>
 *   <li>With the Kafka bridge: signed checkpoints of the chain's head on
 *       {@code opsledger.audit.checkpoints} ({@link AuditCheckpointPublisher},
 *       {@link AuditCheckpointLog}, ADR 060); keys from {@code OPSLEDGER_AUDIT_SIGNING_KEY} and
 *       {@code OPSLEDGER_AUDIT_VERIFICATION_KEYS}.</li>
 *   <li>Properties: {@code opsledger.audit.enabled} (default true),
 *       {@code opsledger.audit.summary-max-length} (default 1000),
 *       {@code opsledger.audit.checkpoints.*} ({@link AuditCheckpointProperties});
 *       the entries' {@code service} is {@code opsledger.service.name}.</li>
 * </ul>
 *
 * <h2>Why one segment</h2>
 * Each entry's hash covers the previous entry's hash, so entries must be written one after the
 * other in global order. A tracking processor handles a segment in order on one thread; with
 * several segments, threads would race for "the latest hash" and fork the chain. The group
 * therefore has exactly one segment, and with several instances one holds the claim.
 *
 * <h2>Limits</h2>
 * The chain alone detects edited, inserted and removed rows anywhere except at the end: dropping
 * the newest rows leaves a shorter valid chain. The signed checkpoints catch that for every row a
 * checkpoint covered; rows written and removed within one checkpoint interval are not caught.
 */
package dev.opsledger.platform.audit;
