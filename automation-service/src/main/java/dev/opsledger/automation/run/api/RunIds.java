package dev.opsledger.automation.run.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A run's id: derived from the idempotency key when there is one, so one key is one run. */
public final class RunIds {

    private RunIds() {
    }

    public static String forKey(String taskId, String idempotencyKey) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("run:" + taskId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }
}
