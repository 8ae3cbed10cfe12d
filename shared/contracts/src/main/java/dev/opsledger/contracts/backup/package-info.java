/**
 * The public events of backup-service, published to {@code opsledger.backup.events} and keyed by
 * target id. {@code rpo-breached} and {@code rpo-restored} are the ones to alert on.
 */
package dev.opsledger.contracts.backup;
