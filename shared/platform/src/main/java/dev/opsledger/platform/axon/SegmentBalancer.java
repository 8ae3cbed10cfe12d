package dev.opsledger.platform.axon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Gives the other instances of the service their share of each split processor (ADR 075).
 *
 * <p>Without Axon Server nobody assigns segments: each instance's tracking processor claims every
 * unclaimed segment it has a thread for, so the instance that starts first takes them all and the
 * others idle until it stops. Every {@code balance-interval} this balancer therefore
 * <ol>
 *   <li>heartbeats into {@code processor_instance} ({@link ProcessorInstances});</li>
 *   <li>counts the live instances (heartbeat younger than three intervals, itself included);</li>
 *   <li>for each split processor, releases the segments it holds beyond
 *       {@code ceil(segments / live instances)} with {@link TrackingEventProcessor#releaseSegment(int)}.
 *       Axon then keeps this instance from claiming that segment again for twice its token claim interval
 *       (10 s by default), while the other instances' idle threads look for an unclaimed segment every claim
 *       interval (5 s), so one of them takes it over from the stored token.</li>
 * </ol>
 * Nothing is ever handed back explicitly: when an instance stops, its processors release their claims and
 * the survivors' idle threads claim them; when it crashes, its claims expire after the token store's claim
 * timeout (10 s) and the same happens. Its heartbeat going stale only lifts the survivors' share, so they
 * stop releasing. Events are handled by whoever holds the segment, in one transaction with the token, so a
 * hand-over never loses or repeats an event of the read model.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final String instanceId;
    private final Map<String, Integer> segmentsByGroup;
    private final ProcessorInstances instances;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Duration interval;
    private final Set<String> reportedMismatch = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;

    public SegmentBalancer(String instanceId, SplitProcessingGroups groups, ProcessorInstances instances,
                           ObjectProvider<EventProcessingConfiguration> processing, TokenStore tokenStore,
                           TransactionManager transactionManager, Duration interval) {
        this.instanceId = instanceId;
        this.segmentsByGroup = groups.segmentsByGroup();
        this.instances = instances;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.interval = interval;
    }

    /**
     * The segments to release: those held beyond this instance's share ({@code ceil(segments / live)}),
     * keeping the lowest ids, so that repeated rounds pick the same segments.
     *
     * @param held     the segment ids this instance processes now
     * @param segments how many segments the processor has in the token store
     * @param live     live instances, this one included
     */
    static List<Integer> surplus(Set<Integer> held, int segments, int live) {
        int share = Math.ceilDiv(segments, Math.max(live, 1));
        List<Integer> ascending = List.copyOf(new TreeSet<>(held));
        return ascending.size() <= share ? List.of() : ascending.subList(share, ascending.size());
    }

    /** One round: heartbeat, count the live instances, release each split processor's surplus. */
    void balance() {
        instances.heartbeat(instanceId);
        int live = instances.live();
        EventProcessingConfiguration configuration = processing.getObject();
        segmentsByGroup.forEach((group, configured) -> configuration
                .eventProcessor(group, TrackingEventProcessor.class)
                .ifPresent(processor -> balance(processor, configured, live)));
    }

    private void balance(TrackingEventProcessor processor, int configured, int live) {
        if (!processor.isRunning()) {
            return;
        }
        int segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(processor.getName())).length;
        if (segments == 0) {
            return; // Not initialised yet: the processor creates its segments on its first claim.
        }
        if (segments != configured && reportedMismatch.add(processor.getName())) {
            log.warn("Processor {} has {} segment(s) in the token store but {} configured: Axon sets the count only "
                            + "when it first creates the processor's tokens, so the stored count stays (ADR 075)",
                    processor.getName(), segments, configured);
        }
        Set<Integer> held = processor.processingStatus().keySet();
        for (int segment : surplus(held, segments, live)) {
            log.info("Releasing segment {} of processor {}: this instance holds {} of {} segments, its share with {} "
                    + "live instance(s) is {}", segment, processor.getName(), held.size(), segments, live,
                    Math.ceilDiv(segments, live));
            processor.releaseSegment(segment);
        }
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // The database may be restarting: the next round tries again, and meanwhile nothing is released.
            log.warn("Segment balancing skipped this round: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (segmentsByGroup.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Balancing segments of {} across instances every {} as {}", segmentsByGroup, interval, instanceId);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(interval.toMillis(), TimeUnit.MILLISECONDS);
            instances.leave(instanceId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance's heartbeat; the others stop counting it once it is stale: {}",
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
