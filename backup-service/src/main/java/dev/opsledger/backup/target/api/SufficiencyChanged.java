package dev.opsledger.backup.target.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A target's protection moved from one state to another. Entering {@code BREACHED} is published as
 * {@code rpo-breached}, leaving it as {@code rpo-restored}.
 */
@Revision("1")
public record SufficiencyChanged(String targetId, String name, SufficiencyState previous, SufficiencyState current,
                                 Duration rpo, Instant lastGoodBackupAt, Instant assessedAt) {

    public boolean breached() {
        return current == SufficiencyState.BREACHED && previous != SufficiencyState.BREACHED;
    }

    public boolean restored() {
        return previous == SufficiencyState.BREACHED && current != SufficiencyState.BREACHED;
    }
}
