package dev.opsledger.platform.sample;

import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import java.util.List;
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

    @EventHandler
    void on(SampleWorkRecorded event) {
        entries.add(event);
    }

    @ResetHandler
    void reset() {
        entries.clear();
    }

    public List<SampleWorkRecorded> entries() {
        return List.copyOf(entries);
    }
}
