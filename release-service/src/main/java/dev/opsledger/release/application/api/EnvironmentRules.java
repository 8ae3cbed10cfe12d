package dev.opsledger.release.application.api;

import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything that governs a deployment to one environment. A promotion copies these rules when
 * it is requested, so later lifecycle changes never alter a promotion that is under way.
 *
 * @param approvalPolicy   who must approve, or {@code null} when the environment needs no approval
 * @param windows          when deployments may start; empty means at any time
 * @param freezes          when nothing may be deployed (an admin may override)
 * @param backupPolicyRef  backup-service policy whose backup is taken before deploying, or {@code null}
 * @param deployTaskRef    automation-service task that deploys, or {@code null} to confirm by hand
 * @param resultTimeout    how long a deployment (and a pre-deploy backup) may go without a result
 *                         before it counts as failed
 */
public record EnvironmentRules(String name, ApprovalPolicy approvalPolicy, List<DeploymentWindow> windows,
                               List<FreezePeriod> freezes, String backupPolicyRef, String deployTaskRef,
                               Duration resultTimeout) {

    public static final Duration DEFAULT_RESULT_TIMEOUT = Duration.ofHours(24);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    // Freezes and windows alternate at most this often before a slot is found; beyond it the
    // rules are contradictory (a freeze list that never ends), which a lifecycle must not be.
    private static final int MAX_STEPS = 1_000;

    public EnvironmentRules {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Lifecycle.invalid("Environment names are lower-case words like 'qa' or 'prod': " + name);
        }
        windows = windows == null ? List.of() : List.copyOf(windows);
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
        resultTimeout = resultTimeout == null ? DEFAULT_RESULT_TIMEOUT : resultTimeout;
        if (resultTimeout.isNegative() || resultTimeout.isZero()) {
            throw Lifecycle.invalid("The deployment result timeout must be positive");
        }
    }

    public boolean requiresApproval() {
        return approvalPolicy != null;
    }

    public Optional<FreezePeriod> freezeAt(Instant instant) {
        return freezes.stream().filter(f -> f.covers(instant)).findFirst();
    }

    public boolean hasFreezeEndingAfter(Instant instant) {
        return freezes.stream().anyMatch(f -> f.to().isAfter(instant));
    }

    public boolean windowOpenAt(Instant instant) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.isOpen(instant));
    }

    /** What keeps a deployment from starting at {@code instant}: a freeze first, then the windows. */
    public WaitReason blockerAt(Instant instant, boolean freezeOverridden) {
        if (!freezeOverridden && freezeAt(instant).isPresent()) {
            return WaitReason.FROZEN;
        }
        return windowOpenAt(instant) ? WaitReason.NONE : WaitReason.OUTSIDE_WINDOW;
    }

    /**
     * The earliest moment from {@code now} on that lies inside a window and outside every freeze
     * (freezes are ignored once overridden).
     */
    public DeploymentSlot earliestDeployment(Instant now, boolean freezeOverridden) {
        Instant candidate = now;
        WaitReason firstReason = WaitReason.NONE;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<FreezePeriod> freeze = freezeOverridden ? Optional.empty() : freezeAt(candidate);
            if (freeze.isPresent()) {
                candidate = freeze.get().to();
                firstReason = firstReason == WaitReason.NONE ? WaitReason.FROZEN : firstReason;
            } else if (!windowOpenAt(candidate)) {
                Instant from = candidate;
                candidate = windows.stream().map(w -> w.nextOpening(from)).min(Comparator.naturalOrder()).orElseThrow();
                firstReason = firstReason == WaitReason.NONE ? WaitReason.OUTSIDE_WINDOW : firstReason;
            } else {
                return new DeploymentSlot(candidate, firstReason);
            }
        }
        throw Lifecycle.invalid("Environment " + name + " has no deployment slot: its freezes never end");
    }
}
