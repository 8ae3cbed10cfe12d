/**
 * What every service's {@code GET /audit} accepts, so the gateway's {@code /api/audit}, which asks all of
 * them with the same filters, and the platform's endpoint, which answers, name them alike.
 */
package dev.opsledger.contracts.audit;
