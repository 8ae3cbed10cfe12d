package dev.opsledger.benchmarks;

import java.util.Map;

/**
 * Settings a tuning changed, at their values before it: {@code --before} starts the service with
 * these to measure the before and after in one run. Empty now: the one change kept (P4's indexes)
 * is a migration, compared with results/2026-11-30-untuned.md. Processor batch size 1 → 50 and
 * producer linger 5 → 0 ms were tried this way and reverted: on the loaded machine their before and
 * after differed by less than the run-to-run noise (results/2026-11-30.md).
 */
final class Tuning {

    static final Map<String, String> BEFORE = Map.of();

    private Tuning() {
    }
}
