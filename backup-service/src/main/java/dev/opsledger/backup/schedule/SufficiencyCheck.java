package dev.opsledger.backup.schedule;

import dev.opsledger.backup.sufficiency.query.SufficiencyEntry;
import dev.opsledger.backup.sufficiency.query.SufficiencyQueries;
import dev.opsledger.backup.target.api.RecordSufficiency;
import dev.opsledger.backup.target.api.SufficiencyState;
import dev.opsledger.backup.target.query.TargetQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assesses every target and tells the target when its state changed, so entering and leaving
 * {@code BREACHED} become events (published as {@code rpo-breached} and {@code rpo-restored}).
 * Also keeps two gauges per target for Prometheus: the state (0 compliant, 1 at risk,
 * 2 breached, 3 unprotected) and the last good backup's age in seconds (-1 when there is none).
 */
@Component
public class SufficiencyCheck {

    private static final Logger log = LoggerFactory.getLogger(SufficiencyCheck.class);

    private final TargetQueries targets;
    private final SufficiencyQueries sufficiency;
    private final CommandGateway commands;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> states = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ages = new ConcurrentHashMap<>();

    SufficiencyCheck(TargetQueries targets, SufficiencyQueries sufficiency, CommandGateway commands,
                     MeterRegistry meters) {
        this.targets = targets;
        this.sufficiency = sufficiency;
        this.commands = commands;
        this.meters = meters;
    }

    public void tick(Instant now) {
        for (var target : targets.all()) {
            SufficiencyEntry entry = sufficiency.assess(target, now);
            gauge(states, "opsledger.backup.sufficiency.state", target.name())
                    .set(SufficiencyState.valueOf(entry.state()).ordinal());
            gauge(ages, "opsledger.backup.last.good.age.seconds", target.name())
                    .set(entry.lastGoodBackupAge() == null ? -1 : entry.lastGoodBackupAge().toSeconds());
            if (!entry.state().equals(target.sufficiency())) {
                try {
                    commands.sendAndWait(new RecordSufficiency(target.targetId(),
                            SufficiencyState.valueOf(entry.state()), entry.rpo(), entry.lastGoodBackupAt()));
                } catch (RuntimeException e) {
                    log.warn("Sufficiency of {} not recorded: {}", target.name(), e.getMessage());
                }
            }
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String target) {
        return values.computeIfAbsent(target, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("target", key).register(meters);
            return value;
        });
    }
}
