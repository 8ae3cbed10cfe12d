package dev.opsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The arithmetic the results rest on; nothing here measures time. */
class LatenciesTest {

    @Test
    void givenOneToHundredMillis_whenPercentiles_thenNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.count()).isEqualTo(100);
    }

    @Test
    void givenNoSamples_whenPercentile_thenNaN() {
        assertThat(new Latencies().percentileMillis(99)).isNaN();
    }

    @Test
    void givenTwoRecorders_whenMerged_thenAllSamplesCount() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 2_000; i++) {
            a.add(i);
            b.add(i);
        }

        a.addAll(b);

        assertThat(a.count()).isEqualTo(4_000);
    }
}
