package dev.opsledger.automation.run.api;

import dev.opsledger.automation.task.api.Executor;
import dev.opsledger.automation.task.api.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exactly what a run executes: its task's pinned version and executor, and the checked parameter
 * values (a secret as its reference, never its value). An approval binds to {@link #digest()}, so
 * what was approved is what runs, whatever the task becomes later.
 *
 * @param secretParameters the names among {@code parameters} whose values are secret references
 */
public record RunInputs(String taskId, int version, Executor executor, Duration timeout,
                        Map<String, String> parameters, Set<String> secretParameters) {

    public RunInputs {
        parameters = Map.copyOf(parameters);
        secretParameters = Set.copyOf(secretParameters);
    }

    public static RunInputs of(String taskId, int version, TaskSpec spec, Map<String, String> given) {
        Map<String, String> resolved = spec.resolve(given);
        Set<String> secrets = new java.util.HashSet<>();
        spec.parameters().stream()
                .filter(p -> p.type() == dev.opsledger.automation.task.api.ParameterType.SECRET)
                .filter(p -> resolved.containsKey(p.name()))
                .forEach(p -> secrets.add(p.name()));
        return new RunInputs(taskId, version, spec.executor(), spec.timeout(), resolved, secrets);
    }

    /**
     * SHA-256 over the task id, the version and every parameter in name order, each part
     * length-prefixed so no two different inputs write the same bytes.
     */
    public String digest() {
        StringBuilder text = new StringBuilder();
        part(text, taskId);
        part(text, Integer.toString(version));
        new TreeMap<>(parameters).forEach((name, value) -> {
            part(text, name);
            part(text, value);
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }

    private static void part(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append(';');
    }
}
