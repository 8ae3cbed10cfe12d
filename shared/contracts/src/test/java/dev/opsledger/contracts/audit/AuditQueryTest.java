package dev.opsledger.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void givenSomeFiltersSet_whenParameters_thenOnlyThoseInEndpointOrder() {
        AuditQuery query = new AuditQuery(" ", Instant.parse("2026-01-31T12:00:00Z"), null, "release-1", null,
                "ReleaseCreated", null);

        assertThat(query.parameters()).containsExactly(
                Map.entry("from", "2026-01-31T12:00:00Z"),
                Map.entry("aggregateId", "release-1"),
                Map.entry("type", "ReleaseCreated"));
    }

    @Test
    void givenAll_whenParameters_thenNone() {
        assertThat(AuditQuery.ALL.parameters()).isEmpty();
    }
}
