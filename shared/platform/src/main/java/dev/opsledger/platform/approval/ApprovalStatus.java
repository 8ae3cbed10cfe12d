package dev.opsledger.platform.approval;

public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    public boolean isOpen() {
        return this == PENDING;
    }
}
