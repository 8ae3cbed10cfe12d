package dev.opsledger.access.grant.api;

/** Why a grant ends, and the status it ends in. */
public enum EndReason {
    EXPIRED(GrantStatus.EXPIRED),
    REVOKED(GrantStatus.REVOKED),
    RELEASED(GrantStatus.RELEASED);

    private final GrantStatus status;

    EndReason(GrantStatus status) {
        this.status = status;
    }

    public GrantStatus status() {
        return status;
    }
}
