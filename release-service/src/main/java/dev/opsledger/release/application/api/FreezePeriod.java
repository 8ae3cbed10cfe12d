package dev.opsledger.release.application.api;

import java.time.Instant;

/** A span during which nothing is deployed to an environment unless an admin overrides it. */
public record FreezePeriod(Instant from, Instant to, String reason) {

    public FreezePeriod {
        if (from == null || to == null || !from.isBefore(to)) {
            throw Lifecycle.invalid("A freeze period must start before it ends");
        }
        if (reason == null || reason.isBlank()) {
            throw Lifecycle.invalid("A freeze period needs a reason");
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
