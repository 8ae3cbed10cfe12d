package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.ChainVerification;
import dev.opsledger.platform.audit.AuditChainVerifier.Extension;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Signs the head of the service's audit chain every {@code interval}, when it moved, and appends
 * the checkpoint to the topic.
 *
 * <p>It signs only a chain that still holds the previous checkpoint unchanged and links up after
 * it. Otherwise whoever removed the newest rows would only have to wait for the next checkpoint to
 * have the shortened chain vouched for; instead the service logs the broken entry and signs nothing
 * until the trail is repaired, so {@code /audit/verify} keeps naming it. Every instance of a service
 * runs one; the second to look finds the head signed already and stays quiet.
 */
public class AuditCheckpointPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointPublisher.class);

    private final String service;
    private final AuditChainVerifier verifier;
    private final AuditCheckpointLog checkpoints;
    private final AuditCheckpointKeys keys;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public AuditCheckpointPublisher(String service, AuditChainVerifier verifier, AuditCheckpointLog checkpoints,
            AuditCheckpointKeys keys, Clock clock, Duration interval) {
        this.service = service;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Signs and appends the chain's head now, if it moved since the newest checkpoint and the chain
     * is intact; returns what it published.
     */
    public synchronized Optional<AuditCheckpoint> publishNow() {
        AuditCheckpoint previous = checkpoints.anchor().checkpoint();
        Extension extension = verifier.extend(previous);
        ChainVerification chain = extension.verification();
        if (!chain.valid()) {
            log.error("Not signing {}'s audit chain: entry {} is {} ({}). /audit/verify names it; nothing is signed "
                    + "until the trail is repaired", service, chain.firstBrokenGlobalIndex(), chain.tampering(),
                    chain.reason());
            return Optional.empty();
        }
        AuditChainVerifier.Head head = extension.head();
        if (head == null || previous != null && head.globalIndex() == previous.headGlobalIndex()) {
            return Optional.empty();
        }
        AuditCheckpoint signed = keys.sign(AuditCheckpoint.unsigned(service, head.globalIndex(), head.hash(),
                head.entries(), clock.instant()));
        checkpoints.append(signed);
        log.debug("Signed {}'s audit chain up to entry {} ({} entries)", service, head.globalIndex(), head.entries());
        return Optional.of(signed);
    }

    private void publishQuietly() {
        try {
            publishNow();
        } catch (RuntimeException e) {
            // Kafka or PostgreSQL away: the next round tries again, and verify says what it could not read.
            log.warn("No audit checkpoint for {} this round: {}", service, e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::publishQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
