package dev.opsledger.platform.audit;

import dev.opsledger.contracts.Topics;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed checkpoints of the audit chain, under {@code opsledger.audit.checkpoints}; active with the
 * Kafka bridge. The keys come from the environment: {@code OPSLEDGER_AUDIT_SIGNING_KEY} and
 * {@code OPSLEDGER_AUDIT_VERIFICATION_KEYS} (comma-separated), unless these properties set them.
 *
 * @param enabled          publish checkpoints and check the chain against them
 * @param interval         how often the service signs its chain's head, if it moved
 * @param signingKey       the service's Ed25519 private key, base64 PKCS#8; required when enabled
 * @param verificationKeys Ed25519 public keys (base64 X.509) whose checkpoints are accepted: the
 *                         signing key's public half, plus retired ones while their checkpoints matter
 * @param readBack         how many records per partition the service reads back at a time when it
 *                         looks for its newest checkpoint (it steps further back until it finds one)
 * @param readTimeout      how long one read of the topic may take before verification says so
 * @param topic            where checkpoints go; {@value Topics#AUDIT_CHECKPOINTS} everywhere but in
 *                         tests, where each Spring context of one JVM has its own database and so
 *                         needs its own topic (the testkit sets it)
 */
@ConfigurationProperties("opsledger.audit.checkpoints")
public record AuditCheckpointProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration interval,
        String signingKey,
        List<String> verificationKeys,
        @DefaultValue("1000") int readBack,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue(Topics.AUDIT_CHECKPOINTS) String topic) {

    public AuditCheckpointProperties {
        verificationKeys = verificationKeys == null ? List.of()
                : verificationKeys.stream().filter(key -> key != null && !key.isBlank()).toList();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("opsledger.audit.checkpoints.interval must be positive");
        }
        if (readBack < 1) {
            throw new IllegalArgumentException("opsledger.audit.checkpoints.read-back must be at least 1");
        }
    }

    @Override
    public String toString() {
        // Never print the private key, e.g. in a failure analysis of the binding.
        return "AuditCheckpointProperties[enabled=" + enabled + ", interval=" + interval + ", verificationKeys="
                + verificationKeys + ", topic=" + topic + "]";
    }
}
