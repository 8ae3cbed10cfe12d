package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentBalancerTest {

    @Test
    void givenOneInstanceHoldingBothSegments_whenASecondIsLive_thenItReleasesTheHigherOne() {
        assertThat(SegmentBalancer.surplus(Set.of(1, 0), 2, 2)).isEqualTo(List.of(1));
    }

    @Test
    void givenOneInstanceAlone_whenItHoldsEverySegment_thenItKeepsThemAll() {
        assertThat(SegmentBalancer.surplus(Set.of(0, 1, 2, 3), 4, 1)).isEmpty();
    }

    @Test
    void givenSegmentsThatDoNotDivideEvenly_whenBalanced_thenTheShareIsRoundedUp() {
        assertThat(SegmentBalancer.surplus(Set.of(0, 1, 2), 3, 2)).isEqualTo(List.of(2));
        assertThat(SegmentBalancer.surplus(Set.of(0, 1), 3, 2)).isEmpty();
        assertThat(SegmentBalancer.surplus(Set.of(0, 1), 2, 3)).isEqualTo(List.of(1));
    }

    @Test
    void givenAnInstanceHoldingItsShareOrLess_whenBalanced_thenNothingIsReleased() {
        assertThat(SegmentBalancer.surplus(Set.of(1), 2, 2)).isEmpty();
        assertThat(SegmentBalancer.surplus(Set.of(), 2, 2)).isEmpty();
    }
}
