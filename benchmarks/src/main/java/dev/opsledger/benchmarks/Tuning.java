package dev.opsledger.benchmarks;

import java.util.Map;

/**
 * Settings a tuning changed, at their values before it: {@code --before} starts the service with
 * these to measure the before and after in one run.
 *
 * <p>Kept (P1, 2026-11-30, second pass): tracking processors take up to 50 stored events per
 * transaction instead of 1, and the connection pool holds 20 instead of Hikari's 10 (JFR showed
 * request threads parked in {@code HikariPool.getConnection} while seven tracking processors held
 * connections). The P4 indexes are a migration, compared with results/2026-11-30-untuned.md.
 */
final class Tuning {

    static final Map<String, String> BEFORE = Map.of(
            "opsledger.axon.processor-batch-size", "1",
            "spring.datasource.hikari.maximum-pool-size", "10");

    /**
     * Not adopted, measured for P3 with {@code --p3-subscribing}: the release read model written by a
     * subscribing processor, i.e. in the command's own transaction. What that costs is in the README.
     */
    static final Map<String, String> P3_SUBSCRIBING = Map.of(
            "axon.eventhandling.processors.release-view.mode", "subscribing");

    private Tuning() {
    }
}
