package dev.opsledger.testkit;

/** Stops what the testkit starts when the JVM exits, so no server or child process outlives the tests. */
final class JvmExit {

    private JvmExit() {
    }

    /** Runs {@code stop} at JVM exit; the returned hook is handed back to {@link #cancel} after an explicit stop. */
    static Thread onExit(String name, Runnable stop) {
        Thread hook = new Thread(stop, "opsledger-testkit-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void cancel(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs anyway and finds the server already stopped.
        }
    }
}
