package dev.opsledger.platform.axon;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name under which this application context claims tracking tokens ({@code token_entry.owner}) and
 * heartbeats ({@code processor_instance.instance_id}). Axon's default owner is the JVM's name
 * ({@code pid@host}), which two instances in one JVM (tests, an embedded launcher) share: both then
 * believe they hold every segment and each processes, and publishes, every event. A random suffix per
 * context keeps them apart; a graceful stop releases its claims, a crashed instance's claims time out.
 */
public record TokenOwner(String value) {

    public static TokenOwner forThisContext() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        return new TokenOwner(jvm + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
