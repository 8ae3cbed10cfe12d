package dev.opsledger.backup.policy.command;

/** What defining a policy needs beyond the aggregate: the target exists, and has no other policy. */
public interface PolicyTargets {

    /** Throws {@code target.not-found} (404) when there is no such target. */
    void requireTarget(String targetId);

    /** @return whether {@code policyId} now protects the target; false when another policy does */
    boolean claimTarget(String targetId, String policyId);
}
