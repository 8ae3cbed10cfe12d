package dev.opsledger.testkit;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops what the testkit starts when the JVM exits, so no server or child process outlives the tests.
 *
 * <p>One shutdown hook does it all, in order: first it closes the Spring contexts that use the infrastructure
 * (JVM shutdown hooks run concurrently, so Spring's own hook would race the servers' stop, and a context whose
 * beans need PostgreSQL while closing would wait for a database that is gone), then it stops the
 * infrastructure, last started first.
 */
final class JvmExit {

    /** All contexts together; after that the servers stop anyway, so a stuck context cannot keep them running. */
    static final Duration CONTEXT_CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(JvmExit.class);
    private static final Object LOCK = new Object();
    /** In start order. */
    private static final Deque<Registration> STOPS = new ArrayDeque<>();
    /** In registration order; weak, so the registry never keeps a context the test framework dropped. */
    private static final List<WeakReference<ConfigurableApplicationContext>> CONTEXTS = new ArrayList<>();
    private static boolean hookInstalled;

    private JvmExit() {
    }

    /** A stop action registered with {@link #onExit}; hand it to {@link #cancel} after an explicit stop. */
    static final class Registration {

        private final String name;
        private final Runnable stop;

        private Registration(String name, Runnable stop) {
            this.name = name;
            this.stop = stop;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Runs {@code stop} at JVM exit, after the registered contexts are closed and before what started earlier. */
    static Registration onExit(String name, Runnable stop) {
        Registration registration = new Registration(name, stop);
        synchronized (LOCK) {
            installHook();
            STOPS.addLast(registration);
        }
        return registration;
    }

    static void cancel(Registration registration) {
        if (registration == null) {
            return;
        }
        synchronized (LOCK) {
            STOPS.remove(registration);
        }
    }

    /**
     * Closes {@code context} at JVM exit before any infrastructure stops. A context that has finished closing
     * earlier (for example through {@code @DirtiesContext}) leaves the registry.
     *
     * <p>Not on {@code ContextClosedEvent}: Spring publishes it when closing <em>starts</em>, and when that is
     * Spring's own shutdown hook, this one must still wait for the end of the close before stopping servers.
     */
    static void closeBeforeStopping(ConfigurableApplicationContext context) {
        synchronized (LOCK) {
            installHook();
            pruneClosed();
            CONTEXTS.add(new WeakReference<>(context));
        }
    }

    /** The contexts still to be closed at exit, oldest first. */
    static List<ConfigurableApplicationContext> contexts() {
        synchronized (LOCK) {
            pruneClosed();
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            for (WeakReference<ConfigurableApplicationContext> reference : CONTEXTS) {
                ConfigurableApplicationContext context = reference.get();
                if (context != null) {
                    contexts.add(context);
                }
            }
            return contexts;
        }
    }

    private static void pruneClosed() {
        CONTEXTS.removeIf(reference -> {
            ConfigurableApplicationContext context = reference.get();
            return context == null || closeFinished(context);
        });
    }

    /** Closing sets "closed" first and clears "active" last; a context not refreshed yet is neither. */
    private static boolean closeFinished(ConfigurableApplicationContext context) {
        return context.isClosed() && !context.isActive();
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(JvmExit::runAtExit, "opsledger-testkit-exit"));
            hookInstalled = true;
        }
    }

    private static void runAtExit() {
        closeContexts();
        Registration next;
        while ((next = nextStop()) != null) {
            try {
                next.stop.run();
            } catch (RuntimeException | Error e) {
                log.warn("Stopping {} at JVM exit failed", next, e);
            }
        }
    }

    private static Registration nextStop() {
        synchronized (LOCK) {
            return STOPS.pollLast();
        }
    }

    private static void closeContexts() {
        Instant deadline = Instant.now().plus(CONTEXT_CLOSE_TIMEOUT);
        List<ConfigurableApplicationContext> contexts = contexts();
        for (ConfigurableApplicationContext context : contexts.reversed()) {
            try {
                context.close();
                // Spring's own shutdown hook may be closing it right now; close() then returns at once
                // (Spring 6.2+), so wait for the end of that close: the context turns inactive last.
                while (context.isActive() && Instant.now().isBefore(deadline)) {
                    Deadlines.pause(Duration.ofMillis(10));
                }
                if (context.isActive()) {
                    log.warn("{} still closing after {}; stopping the test infrastructure anyway",
                            context, CONTEXT_CLOSE_TIMEOUT);
                }
            } catch (RuntimeException e) {
                log.warn("Closing {} at JVM exit failed", context, e);
            }
        }
    }
}
