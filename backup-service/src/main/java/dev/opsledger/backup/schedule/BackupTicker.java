package dev.opsledger.backup.schedule;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every tick: schedules, then retention, then sufficiency; one failing never stops the others. */
@Component
class BackupTicker {

    private static final Logger log = LoggerFactory.getLogger(BackupTicker.class);

    private final PolicyScheduler scheduler;
    private final RetentionJob retention;
    private final SufficiencyCheck sufficiency;
    private final Clock clock;

    BackupTicker(PolicyScheduler scheduler, RetentionJob retention, SufficiencyCheck sufficiency, Clock clock) {
        this.scheduler = scheduler;
        this.retention = retention;
        this.sufficiency = sufficiency;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${opsledger.backup.tick:PT30S}", initialDelayString = "${opsledger.backup.tick:PT30S}")
    void tick() {
        for (Runnable step : new Runnable[] {() -> scheduler.tick(clock.instant()),
                () -> retention.tick(clock.instant()), () -> sufficiency.tick(clock.instant())}) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("Backup tick step failed; next tick retries", e);
            }
        }
    }
}
