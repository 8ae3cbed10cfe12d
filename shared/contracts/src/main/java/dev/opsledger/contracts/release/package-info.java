/**
 * The public events of release-service, published to {@code opsledger.release.events} as
 * CloudEvents ({@code dev.opsledger.release.<name>.v1}). Every event is keyed by its release id,
 * so a consumer sees one release's creation, promotions, deployments and rollbacks in order.
 * Schemas: {@code schemas/release/*.v1.json}; topic document: {@code asyncapi/release.yaml}.
 */
package dev.opsledger.contracts.release;
