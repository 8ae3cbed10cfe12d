/**
 * The public events of access-service, published to {@code opsledger.access.events}. Requests and
 * grants are keyed by grant id (a request names the grant it creates or extends), so one grant's
 * story stays in order; review campaigns by review id; drift by resource id (ADR 013).
 * {@code break-glass-used}, {@code break-glass-review-overdue}, {@code grant-deprovision-failed}
 * and {@code access-drift-detected} are the ones to alert on.
 */
package dev.opsledger.contracts.access;
