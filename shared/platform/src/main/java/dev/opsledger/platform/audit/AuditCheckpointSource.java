package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.ChainVerification.Anchor;

/** Where verification finds the newest authentic checkpoint of this service's chain. */
@FunctionalInterface
public interface AuditCheckpointSource {

    /**
     * The newest authentic checkpoint as of now, and how many forged ones were refused.
     *
     * @throws RuntimeException when the checkpoints can't be read; verification then reports the
     *                          chain unverified rather than intact
     */
    Anchor anchor();
}
