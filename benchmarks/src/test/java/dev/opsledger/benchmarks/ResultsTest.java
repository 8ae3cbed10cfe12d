package dev.opsledger.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void givenRows_whenTable_thenOneMarkdownLineEach() {
        Results results = new Results();
        results.row("P1", "events/s", "100 events/s", "400 rows/s", "0.250×", "≥ 0.5×", false);
        results.note("P6", "saga", "not measurable yet");

        String table = results.table();

        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("| P1 | events/s | 100 events/s | 400 rows/s | 0.250× | ≥ 0.5× | missed |");
        assertThat(table).contains("| P6 | saga | not measurable yet | — | — | — | not measured |");
    }
}
