package dev.opsledger.platform.axon;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which read-model processors of a service may be split across instances, and how often the
 * instances compare their shares (ADR 075):
 *
 * <pre>{@code
 * opsledger:
 *   axon:
 *     segments:
 *       release-view: 2
 * }</pre>
 *
 * @param segments        processing group → number of segments (and threads) of its tracking processor;
 *                        a group not named here keeps one segment. Only a projection whose every row is
 *                        written from the events of one aggregate may be named; {@link SplitProcessingGroups}
 *                        refuses the groups that need one sequence
 * @param balanceInterval how often each instance heartbeats and gives up segments beyond its share
 *                        ({@link SegmentBalancer}); an instance counts as live for three intervals
 */
@ConfigurationProperties("opsledger.axon")
public record ProcessorSegmentsProperties(
        @DefaultValue Map<String, Integer> segments,
        @DefaultValue("5s") Duration balanceInterval) {

    public ProcessorSegmentsProperties {
        segments = segments == null ? Map.of() : Map.copyOf(segments);
        if (balanceInterval == null || balanceInterval.isNegative() || balanceInterval.isZero()) {
            throw new IllegalArgumentException("opsledger.axon.balance-interval must be positive, was " + balanceInterval);
        }
    }
}
