package dev.opsledger.platform.axon;

import dev.opsledger.platform.audit.AuditLogProjection;
import dev.opsledger.platform.kafka.IntegrationEventPublisher;
import dev.opsledger.platform.kafka.IntegrationRequestSender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.lifecycle.Phase;
import org.springframework.core.env.PropertyResolver;

/**
 * The read-model processors a service lets several instances share (ADR 075), from
 * {@code opsledger.axon.segments.<processing-group>=N}. Such a processor gets N segments and N
 * threads, so one instance alone still processes every segment, and the {@link SegmentBalancer}
 * hands segments to the other instances. Events are routed to segments by aggregate
 * ({@link SequentialPerAggregatePolicy}, stated explicitly because the whole safety argument rests on
 * it): one aggregate's events stay in order, two aggregates' events do not. That is why only a
 * projection whose every row is written from one aggregate's events may be split.
 *
 * <p>Some groups must see every event in one sequence and are refused at start, with the reason:
 * the audit log (its hash chain), the public-event publisher (per-release order, ADR 004), the request
 * sender, and every saga (a saga's events come from several aggregates). A group that is not a tracking
 * processor of the service (a typo, a subscribing processor) is refused too, rather than silently
 * left at one segment.
 */
public final class SplitProcessingGroups {

    /** More would only add idle threads on a two-instance deployment; 32 keeps a typo from starting hundreds. */
    static final int MAX_SEGMENTS = 32;

    /** Groups that need every event of the service in global order, with the reason a reader sees. */
    static final Map<String, String> NEVER_SPLIT = Map.of(
            AuditLogProjection.PROCESSING_GROUP,
            "the audit log chains each entry to the hash of the one before it in global order, "
                    + "which one sequence alone keeps linear",
            IntegrationEventPublisher.PROCESSING_GROUP,
            "the publisher sends a release's events in store order although they come from several aggregates (ADR 004)",
            IntegrationRequestSender.PROCESSING_GROUP,
            "the request sender records and sends requests in store order, one sequence for the whole service");

    private final Map<String, Integer> segments;

    private SplitProcessingGroups(Map<String, Integer> segments) {
        this.segments = segments;
    }

    /**
     * Checks the settings before anything starts: every group named with more than one segment must be
     * allowed to be split, and Axon's own properties must not split a group that needs one sequence.
     *
     * @throws IllegalStateException naming the setting and why it is refused
     */
    public static SplitProcessingGroups of(ProcessorSegmentsProperties properties, PropertyResolver environment) {
        Map<String, Integer> split = new TreeMap<>();
        properties.segments().forEach((group, count) -> {
            if (count == null || count < 1 || count > MAX_SEGMENTS) {
                throw refused("opsledger.axon.segments." + group + "=" + count,
                        "the number of segments must be between 1 and " + MAX_SEGMENTS);
            }
            if (count > 1) {
                if (NEVER_SPLIT.containsKey(group)) {
                    throw refused("opsledger.axon.segments." + group + "=" + count, NEVER_SPLIT.get(group));
                }
                split.put(group, count);
            }
        });
        NEVER_SPLIT.forEach((group, reason) -> {
            for (String setting : List.of("thread-count", "initial-segment-count")) {
                String key = "axon.eventhandling.processors." + group + "." + setting;
                Integer value = environment.getProperty(key, Integer.class);
                if (value != null && value > 1) {
                    throw refused(key + "=" + value, reason);
                }
            }
        });
        return new SplitProcessingGroups(Map.copyOf(split));
    }

    /** The groups split into more than one segment, with their number of segments. */
    public Map<String, Integer> segmentsByGroup() {
        return segments;
    }

    /**
     * N segments and N threads per split group, events routed by aggregate; at start, before any processor
     * runs, the check that each split group is a tracking processor and no saga, and that no tracking processor
     * has more stored segments than threads.
     */
    public ConfigurerModule configurerModule(int batchSize) {
        return configurer -> {
            segments.forEach((group, count) -> configurer.eventProcessing()
                    .registerTrackingEventProcessorConfiguration(group, configuration ->
                            TrackingEventProcessorConfiguration.forParallelProcessing(count)
                                    .andInitialSegmentsCount(count)
                                    .andBatchSize(batchSize))
                    .registerSequencingPolicy(group, configuration -> SequentialPerAggregatePolicy.instance()));
            configurer.onInitialize(configuration -> configuration.onStart(Phase.OUTBOUND_EVENT_CONNECTORS,
                    () -> checkProcessors(configuration.eventProcessingConfiguration())));
        };
    }

    void checkProcessors(EventProcessingConfiguration processing) {
        checkSplitGroups(processing);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                checkCapacity(processing, tracking);
            }
        });
    }

    /**
     * Axon takes the number of segments from the settings only when it first creates a processor's tokens. A
     * processor whose stored segments outnumber its threads (its setting lowered or removed after a split) would
     * leave some segments unprocessed whenever one instance runs alone, silently: refused instead.
     */
    private void checkCapacity(EventProcessingConfiguration processing, TrackingEventProcessor processor) {
        String name = processor.getName();
        int stored = processing.transactionManager(name)
                .fetchInTransaction(() -> processing.tokenStore(name).fetchSegments(name)).length;
        if (stored > processor.maxCapacity()) {
            throw new IllegalStateException("Processor " + name + " has " + stored + " segments in the token store but "
                    + processor.maxCapacity() + " thread(s): one instance alone would leave segments unprocessed. "
                    + "Set opsledger.axon.segments." + name + "=" + stored + " (ADR 075).");
        }
    }

    private void checkSplitGroups(EventProcessingConfiguration processing) {
        List<String> sagaGroups = processing.sagaConfigurations().stream().map(SagaConfiguration::processingGroup).toList();
        segments.forEach((group, count) -> {
            String setting = "opsledger.axon.segments." + group + "=" + count;
            if (sagaGroups.contains(group)) {
                throw refused(setting, "it is a saga's processor, and a saga reacts to the events of several aggregates "
                        + "in the order they were stored");
            }
            EventProcessor processor = processing.eventProcessor(group).orElse(null);
            if (!(processor instanceof TrackingEventProcessor)) {
                throw refused(setting, processor == null
                        ? "this service has no event processor of that name (processors: " + names(processing) + ")"
                        : "it is not a tracking processor (" + processor.getClass().getSimpleName() + ")");
            }
        });
    }

    private static String names(EventProcessingConfiguration processing) {
        return String.join(", ", new TreeMap<>(processing.eventProcessors()).keySet());
    }

    private static IllegalStateException refused(String setting, String reason) {
        return new IllegalStateException(setting + " is refused: " + reason
                + ". Only a read model whose every row is written from one aggregate's events may be split (ADR 075).");
    }

    @Override
    public String toString() {
        return "SplitProcessingGroups" + new LinkedHashMap<>(segments);
    }
}
