package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class JvmExitTest {

    @Test
    void givenRegisteredContext_whenClosedBeforeExit_thenNoLongerClosedAtExit() {
        try (GenericApplicationContext closedEarly = new GenericApplicationContext();
                GenericApplicationContext stillOpen = new GenericApplicationContext()) {
            JvmExit.closeBeforeStopping(closedEarly);
            JvmExit.closeBeforeStopping(stillOpen);
            closedEarly.refresh();
            stillOpen.refresh();
            assertThat(JvmExit.contexts()).contains(closedEarly, stillOpen);

            closedEarly.close();

            assertThat(JvmExit.contexts()).contains(stillOpen).doesNotContain(closedEarly);
        }
    }

    @Test
    void givenChildContext_whenChildCloses_thenParentStaysRegistered() {
        try (GenericApplicationContext parent = new GenericApplicationContext()) {
            JvmExit.closeBeforeStopping(parent);
            parent.refresh();
            GenericApplicationContext child = new GenericApplicationContext(parent);
            JvmExit.closeBeforeStopping(child);
            child.refresh();

            child.close();

            assertThat(JvmExit.contexts()).contains(parent).doesNotContain(child);
        }
    }
}
