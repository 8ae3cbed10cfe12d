package dev.opsledger.platform.sample;

import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** An in-memory read model on its own tracking processor, so tests can replay it. */
@Component
@ProcessingGroup(SampleWorkLog.PROCESSING_GROUP)
public class SampleWorkLog {

    public static final String PROCESSING_GROUP = "sample-work-log";

    private final List<SampleWorkRecorded> entries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    @EventHandler
    void on(SampleWorkRecorded event) {
        AtomicInteger toCome = failuresToCome.get(event.taskId());
        if (toCome != null && toCome.getAndDecrement() > 0) {
            failures.incrementAndGet();
            throw new IllegalStateException("the read model's store is away (failure injected for " + event.taskId() + ")");
        }
        entries.add(event);
    }

    /** The next {@code times} deliveries of the task's work fail, as a projection whose store is away would. */
    public void failNext(String taskId, int times) {
        failuresToCome.put(taskId, new AtomicInteger(times));
    }

    /** How many deliveries failed so far. */
    public int failures() {
        return failures.get();
    }

    @ResetHandler
    void reset() {
        entries.clear();
    }

    public List<SampleWorkRecorded> entries() {
        return List.copyOf(entries);
    }
}
