package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SplitProcessingGroupsTest {

    private static ProcessorSegmentsProperties segments(Map<String, Integer> segments) {
        return new ProcessorSegmentsProperties(segments, Duration.ofSeconds(5));
    }

    @Test
    void givenAReadModelSplitInTwo_whenChecked_thenItIsSplitAndGroupsAtOneSegmentAreNot() {
        SplitProcessingGroups groups = SplitProcessingGroups.of(
                segments(Map.of("release-view", 2, "promotion-view", 1)), new MockEnvironment());

        assertThat(groups.segmentsByGroup()).isEqualTo(Map.of("release-view", 2));
    }

    @Test
    void givenTheAuditLogSplit_whenChecked_thenItIsRefusedWithTheHashChainAsReason() {
        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of("audit-log", 2)), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("opsledger.axon.segments.audit-log=2 is refused: the audit log chains each entry")
                .hasMessageContaining("ADR 075");
    }

    @Test
    void givenThePublisherOrTheRequestSenderSplit_whenChecked_thenEachIsRefused() {
        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of("integration-publisher", 4)),
                new MockEnvironment()))
                .hasMessageStartingWith("opsledger.axon.segments.integration-publisher=4 is refused")
                .hasMessageContaining("ADR 004");
        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of("integration-request-sender", 2)),
                new MockEnvironment()))
                .hasMessageStartingWith("opsledger.axon.segments.integration-request-sender=2 is refused");
    }

    @Test
    void givenAxonsOwnPropertiesSplittingThePublisher_whenChecked_thenRefusedToo() {
        MockEnvironment threads = new MockEnvironment()
                .withProperty("axon.eventhandling.processors.integration-publisher.thread-count", "2");
        MockEnvironment initialSegments = new MockEnvironment()
                .withProperty("axon.eventhandling.processors.audit-log.initial-segment-count", "3");

        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of()), threads))
                .hasMessageStartingWith("axon.eventhandling.processors.integration-publisher.thread-count=2 is refused");
        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of()), initialSegments))
                .hasMessageStartingWith("axon.eventhandling.processors.audit-log.initial-segment-count=3 is refused");
    }

    @Test
    void givenOneSegmentForTheAuditLog_whenChecked_thenAccepted() {
        SplitProcessingGroups groups = SplitProcessingGroups.of(segments(Map.of("audit-log", 1)), new MockEnvironment()
                .withProperty("axon.eventhandling.processors.integration-publisher.thread-count", "1"));

        assertThat(groups.segmentsByGroup()).isEmpty();
    }

    @Test
    void givenZeroOrTooManySegments_whenChecked_thenRefused() {
        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of("release-view", 0)), new MockEnvironment()))
                .hasMessageStartingWith("opsledger.axon.segments.release-view=0 is refused: the number of segments");
        assertThatThrownBy(() -> SplitProcessingGroups.of(segments(Map.of("release-view", 33)), new MockEnvironment()))
                .hasMessageStartingWith("opsledger.axon.segments.release-view=33 is refused");
    }
}
