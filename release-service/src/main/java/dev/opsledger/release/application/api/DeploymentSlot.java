package dev.opsledger.release.application.api;

import java.time.Instant;

/** The earliest moment a deployment may start, and what it waited for first. */
public record DeploymentSlot(Instant at, WaitReason reason) {

    public boolean isOpenAt(Instant now) {
        return !at.isAfter(now);
    }
}
