package dev.opsledger.backup.restore.api;

import java.util.EnumSet;
import java.util.Set;

/** Where a restore stands; the one list of which states end it. */
public enum RestoreStatus {
    AWAITING_APPROVAL,
    APPROVED,
    RESTORING,
    SUCCEEDED,
    FAILED,
    REJECTED,
    EXPIRED;

    private static final Set<RestoreStatus> TERMINAL = EnumSet.of(SUCCEEDED, FAILED, REJECTED, EXPIRED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
