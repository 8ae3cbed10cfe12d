package dev.opsledger.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Entry point of the launcher jar, called by {@code ./opsledger}:
 * {@code up [--fresh]}, {@code status}, {@code down}, {@code await-ready}, {@code jars}.
 */
public final class DevStack {

    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(90);
    // A backstop only: the launcher bounds its own start (Keycloak, then the services), and await-ready
    // ends as soon as the launcher does; a busy machine queues Keycloak starts behind one file lock.
    private static final Duration AWAIT_READY_TIMEOUT = Duration.ofMinutes(20);
    /**
     * Without the launcher's pid, how long {@code up --detach} waits for the background launcher's first
     * {@code state.json}. Generous: on a 2-core machine shared by several builds (load average 50+) the
     * launcher's JVM took over 30 s to get there.
     */
    private static final Duration LAUNCHER_FIRST_SIGN = Duration.ofMinutes(3);

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        StackHome home = StackHome.fromEnvironment();
        List<ServiceSpec> specs = ServiceSpec.started();
        PrintStream out = System.out;
        String command = args.length == 0 ? "up" : args[0];
        int exitCode = switch (command) {
            case "up" -> new Launcher(home, specs, out).up(List.of(args).contains("--fresh"));
            case "status" -> status(home, out);
            case "down" -> down(home, out);
            case "await-ready" -> awaitReady(home, backgroundLauncher(args), out);
            case "jars" -> jars(home, specs, out);
            default -> {
                out.println("Unknown command " + command + "; use up, status, down, await-ready or jars");
                yield 2;
            }
        };
        System.exit(exitCode);
    }

    private static int status(StackHome home, PrintStream out) {
        Optional<StackState> state = StackState.read(home.stateFile()).filter(StackState::launcherAlive);
        if (state.isEmpty()) {
            out.println("OpsLedger is not running (" + home.home() + ").");
            return 3;
        }
        out.println("OpsLedger " + state.get().phase().name().toLowerCase() + ", launcher pid "
                + state.get().launcherPid() + ", started " + state.get().startedAt());
        Banner.printStatus(out, state.get());
        return 0;
    }

    private static int down(StackHome home, PrintStream out) throws InterruptedException {
        Optional<StackState> state = StackState.read(home.stateFile());
        if (state.isEmpty() || !state.get().launcherAlive()) {
            out.println("OpsLedger is not running.");
            state.ifPresent(stale -> killLeftovers(stale, out));
            return 0;
        }
        ProcessHandle launcher = ProcessHandle.of(state.get().launcherPid()).orElseThrow();
        out.println("Stopping OpsLedger (launcher pid " + launcher.pid() + ")…");
        launcher.destroy();
        try {
            launcher.onExit().get(DOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillRunning) {
            // Handled below: a launcher that outlives its grace period is killed.
        }
        if (launcher.isAlive()) {
            out.println("The launcher did not stop in " + DOWN_TIMEOUT.toSeconds() + " s; killing it.");
            launcher.destroyForcibly();
        }
        killLeftovers(state.get(), out);
        out.println("Stopped.");
        return 0;
    }

    /** Children of a launcher that was killed outright: nothing may outlive the stack. */
    private static void killLeftovers(StackState state, PrintStream out) {
        for (StackState.Entry entry : state.entries()) {
            if (entry.pid() != null) {
                ProcessHandle.of(entry.pid()).filter(ProcessHandle::isAlive).ifPresent(left -> {
                    out.println("Stopping leftover " + entry.name() + " (pid " + left.pid() + ")");
                    left.descendants().forEach(ProcessHandle::destroyForcibly);
                    left.destroyForcibly();
                });
            }
        }
    }

    /**
     * The pid {@code ./opsledger up --detach} gave the launcher it started in the background
     * ({@code await-ready --launcher-pid <pid>}), if it did.
     */
    private static Optional<Long> backgroundLauncher(String[] args) {
        List<String> arguments = List.of(args);
        int at = arguments.indexOf("--launcher-pid");
        if (at < 0 || at + 1 >= arguments.size()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(arguments.get(at + 1)));
    }

    /**
     * For {@code up --detach}: waits until the background launcher is ready or has given up. Until the
     * launcher has written its state, it waits as long as that launcher's process lives: on a loaded
     * machine its JVM may take longer than any fixed guess to get there. Without a pid it gives the
     * launcher 30 s to show up.
     */
    private static int awaitReady(StackHome home, Optional<Long> launcherPid, PrintStream out)
            throws IOException {
        Instant deadline = Instant.now().plus(AWAIT_READY_TIMEOUT);
        Path log = home.log("devstack");
        Instant began = Instant.now();
        boolean sawLauncher = false;
        while (Instant.now().isBefore(deadline)) {
            Optional<StackState> state = StackState.read(home.stateFile());
            if (state.isPresent() && state.get().launcherAlive()) {
                sawLauncher = true;
                if (state.get().phase() == StackState.Phase.READY) {
                    Banner.print(out, home, state.get(), Duration.between(state.get().startedAt(), state.get().readyAt()));
                    return 0;
                }
                if (state.get().phase() == StackState.Phase.FAILED) {
                    break;
                }
            } else if (sawLauncher || launcherPid.map(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true))
                    .orElse(Duration.between(began, Instant.now()).compareTo(LAUNCHER_FIRST_SIGN) > 0)) {
                break;
            }
            Launcher.pause(Duration.ofMillis(500));
        }
        out.println("OpsLedger did not become ready. Last lines of " + log + ":");
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(out::println);
        }
        return 1;
    }

    private static int jars(StackHome home, List<ServiceSpec> specs, PrintStream out) {
        int missing = 0;
        for (ServiceSpec spec : specs) {
            Optional<Path> jar = ServiceProcess.jarOf(home.root(), spec);
            out.println(spec.name() + " " + jar.map(Path::toString).orElse("MISSING"));
            if (jar.isEmpty()) {
                missing++;
            }
        }
        return missing == 0 ? 0 : 1;
    }
}
