package dev.opsledger.release.application.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which releases ran in which environment, oldest first. Immutable. */
public record DeploymentHistory(Map<String, List<DeployedRelease>> byEnvironment) {

    public record DeployedRelease(String releaseId, String version, String promotionId) {
    }

    public static final DeploymentHistory NONE = new DeploymentHistory(Map.of());

    public DeploymentHistory {
        byEnvironment = Map.copyOf(byEnvironment);
    }

    public DeploymentHistory with(String environment, DeployedRelease deployed) {
        Map<String, List<DeployedRelease>> next = new HashMap<>(byEnvironment);
        List<DeployedRelease> entries = new ArrayList<>(next.getOrDefault(environment, List.of()));
        entries.add(deployed);
        next.put(environment, List.copyOf(entries));
        return new DeploymentHistory(next);
    }

    public boolean wasDeployed(String environment, String releaseId) {
        return entries(environment).stream().anyMatch(d -> d.releaseId().equals(releaseId));
    }

    public Optional<DeployedRelease> current(String environment) {
        List<DeployedRelease> entries = entries(environment);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast());
    }

    /** The release that ran before the current one, skipping re-deployments of the current one. */
    public Optional<DeployedRelease> previous(String environment) {
        Optional<DeployedRelease> current = current(environment);
        return current.flatMap(now -> entries(environment).reversed().stream()
                .filter(d -> !d.releaseId().equals(now.releaseId()))
                .findFirst());
    }

    private List<DeployedRelease> entries(String environment) {
        return byEnvironment.getOrDefault(environment, List.of());
    }
}
