package dev.opsledger.access.request.api;

/** Where a request stands; every state but {@code AWAITING_APPROVAL} is final. */
public enum AccessRequestStatus {
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    EXPIRED,
    CANCELLED
}
