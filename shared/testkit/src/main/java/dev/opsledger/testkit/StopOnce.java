package dev.opsledger.testkit;

/**
 * The stop of a server the testkit started, run exactly once: by an explicit {@code close()} or, failing
 * that, at JVM exit through {@link JvmExit}. Both can happen at the same time (a test closing while the JVM
 * exits), so the stop is synchronized and counted as done before it runs, even if it then fails.
 */
final class StopOnce {

    private final Runnable stop;
    private final JvmExit.Registration exitHook;
    private volatile boolean stopped;

    /** Registers {@code stop} with {@link JvmExit} under {@code name}; create it once the server runs. */
    StopOnce(String name, Runnable stop) {
        this.stop = stop;
        this.exitHook = JvmExit.onExit(name, this::runOnce);
    }

    /** Stops now unless already stopped; the exit hook then has nothing left to do and leaves the registry. */
    void stop() {
        JvmExit.cancel(exitHook);
        runOnce();
    }

    boolean stopped() {
        return stopped;
    }

    private synchronized void runOnce() {
        if (stopped) {
            return;
        }
        stopped = true;
        stop.run();
    }
}
