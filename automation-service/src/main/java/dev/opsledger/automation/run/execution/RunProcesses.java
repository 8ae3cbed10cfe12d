package dev.opsledger.automation.run.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a shell run's processes are started, found and ended (ADR 073), by the worker on a
 * timeout, a cancel, a stop or the end of the script, and at the next start for the runs of a JVM
 * that was killed.
 *
 * <p>Each run starts through util-linux's {@code setsid --wait}: the run's executable becomes the
 * leader of a session of its own, which everything it starts stays in, also once the leader has
 * exited and its children were handed to init. The JVM's child is never a process group leader, so
 * {@code setsid} does not fork: it opens the session and becomes the executable, whose pid, exit
 * code and output pipe are the {@link Process}'s own ({@code --wait} keeps the exit code right
 * should it ever have to fork). The session is recorded in {@link RunSessionRecords} right after the
 * start and forgotten once none of its processes is left, so a row still there at start names the
 * processes a killed JVM left behind.
 *
 * <p>Where {@code setsid} or {@code /proc} is missing, runs start as before and their processes are
 * found through the JVM's process tree, which a crash loses; this is said once at start.
 */
final class RunProcesses {

    private static final Logger log = LoggerFactory.getLogger(RunProcesses.class);
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    /** SIGKILL is not refused, but a process may fork between a look and the kill: look again. */
    private static final int ROUNDS = 50;
    private static final Duration BETWEEN_ROUNDS = Duration.ofMillis(100);

    private final Optional<Path> setsid;
    private final Optional<Machine> machine;
    private final RunSessionRecords records;

    RunProcesses(Optional<Path> setsid, Optional<Machine> machine, RunSessionRecords records) {
        this.setsid = machine.isPresent() ? setsid : Optional.empty();
        this.machine = machine;
        this.records = records;
    }

    /** Sessions where this machine has {@code setsid} and {@code /proc}, the process tree elsewhere. */
    static RunProcesses onThisMachine(RunSessionRecords records) {
        Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
        Optional<Machine> machine = Machine.current();
        RunProcesses processes = new RunProcesses(setsid, machine, records);
        if (processes.setsid.isPresent()) {
            log.info("Shell runs start in a session of their own through {}: a killed service's runs are ended at"
                    + " its next start", processes.setsid.get());
        } else {
            log.warn("{}: shell runs start without a session of their own, so a run's processes outlive a killed"
                    + " service", machine.isEmpty() ? "No /proc on this machine" : "No setsid found at " + SETSID);
        }
        return processes;
    }

    boolean startsSessions() {
        return setsid.isPresent();
    }

    /**
     * Starts the builder's command (the allow-listed executable and its arguments) in a session of
     * its own and records it. When the record cannot be written, the run's processes are ended and
     * the failure thrown: a run nobody could find again after a crash must not run.
     */
    Started start(String runId, ProcessBuilder builder) throws IOException {
        if (setsid.isEmpty()) {
            return new Started(builder.start(), null);
        }
        List<String> command = new ArrayList<>(List.of(setsid.get().toString(), "--wait", "--"));
        command.addAll(builder.command());
        Process process = builder.command(command).start();
        RunSession session = sessionOf(runId, process);
        Started started = new Started(process, session);
        try {
            records.record(session);
        } catch (RuntimeException unrecorded) {
            started.endAll();
            throw new IOException("cannot record the run's processes: " + unrecorded.getMessage(), unrecorded);
        }
        return started;
    }

    /**
     * The session the process leads. Should the leader already have exited and been collected, the
     * earliest member's start stands for it: while any member lives its pid cannot be reused.
     */
    private RunSession sessionOf(String runId, Process process) {
        long leader = process.pid();
        long ticks = ProcessStat.of(leader).map(ProcessStat::startTicks)
                .or(() -> ProcessStat.all().stream().filter(p -> p.session() == leader)
                        .map(ProcessStat::startTicks).min(Comparator.naturalOrder()))
                .orElse(0L);
        Instant startedAt = process.info().startInstant().orElse(null);
        return new RunSession(runId, leader, ticks, startedAt, machine.orElseThrow());
    }

    /**
     * Ends the processes of every session still recorded on this machine, which at start are the
     * runs of a JVM that died, and forgets each session once none of them is left.
     *
     * @return per run, what was ended
     */
    Map<String, Ended> endLeftovers() {
        Map<String, Ended> ended = new LinkedHashMap<>();
        if (machine.isEmpty()) {
            return ended;
        }
        for (RunSession session : records.all()) {
            if (!session.isOn(machine.get())) {
                // Another boot ended its processes; another host (one instance runs workers, ADR 031)
                // is a former container of this service, gone with its processes.
                log.warn("Run {} was recorded on boot {} of host {}, not on this one: its processes are not"
                        + " looked for here", session.runId(), session.machine().bootId(), session.machine().host());
                records.forget(session.runId());
                continue;
            }
            Ended result = end(session);
            ended.put(session.runId(), result);
            if (result.left() == 0) {
                records.forget(session.runId());
                if (result.killed().isEmpty()) {
                    log.info("Run {} was left by a stopped service: none of its processes was still running",
                            session.runId());
                } else {
                    log.warn("Run {} was left running by a stopped service: ended {} of its processes {}",
                            session.runId(), result.killed().size(), result.killed());
                }
            } else {
                log.error("Run {} was left running by a stopped service: {} of its processes would not end;"
                        + " its record stays for the next start", session.runId(), result.left());
            }
        }
        return ended;
    }

    /**
     * SIGKILL to every live process of the session, looking again until none is left (bounded).
     * A stopping worker is interrupted; its run's processes are ended all the same, and the
     * interrupt is kept for the caller.
     */
    Ended end(RunSession session) {
        long self = ProcessHandle.current().pid();
        boolean interrupted = Thread.interrupted();
        Set<Long> seen = new HashSet<>();
        List<String> killed = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<ProcessStat> members = members(session, self);
                if (members.isEmpty()) {
                    return new Ended(killed, 0);
                }
                for (ProcessStat member : members) {
                    // The handle carries the start time, so a pid reused since the look is not killed.
                    ProcessHandle.of(member.pid()).ifPresent(handle -> {
                        String command = handle.info().command().orElse("?");
                        if (handle.destroyForcibly() && seen.add(member.pid())) {
                            killed.add(member.pid() + " " + command);
                        }
                    });
                }
                try {
                    Thread.sleep(BETWEEN_ROUNDS);
                } catch (InterruptedException stopping) {
                    interrupted = true;
                }
            }
            return new Ended(killed, members(session, self).size());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<ProcessStat> members(RunSession session, long self) {
        if (!session.mayStillHaveProcesses(ProcessStat.of(session.leaderPid()))) {
            return List.of();
        }
        return ProcessStat.all().stream().filter(session::owns).filter(p -> p.pid() != self).toList();
    }

    /**
     * What ending a session did.
     *
     * @param killed the processes sent SIGKILL, as "pid command"
     * @param left   processes of the session still alive after the last round
     */
    record Ended(List<String> killed, int left) {
    }

    /** A run's started process and, when it has one, its recorded session. */
    final class Started implements AutoCloseable {

        private final Process process;
        private final RunSession session;
        /** Without a session: the tree as last seen, since a child handed to init leaves it. */
        private final Set<ProcessHandle> tree = new HashSet<>();

        private Started(Process process, RunSession session) {
            this.process = process;
            this.session = session;
        }

        Process process() {
            return process;
        }

        /** Without a session, notes the process's descendants while they can still be found. */
        void observe() {
            if (session == null) {
                process.descendants().forEach(tree::add);
            }
        }

        /** Kills every process of the run, the leader included. */
        void endAll() {
            if (session != null) {
                Ended ended = end(session);
                process.destroyForcibly();
                if (ended.left() > 0) {
                    log.error("Run {}: {} of its processes would not end", session.runId(), ended.left());
                }
                return;
            }
            // The children first (before the parent dies they are still findable), then the parent.
            observe();
            killTree();
            process.destroyForcibly();
            // A child may have forked between the two looks.
            killTree();
        }

        private void killTree() {
            for (int round = 0; round < 3; round++) {
                Set<ProcessHandle> more = new HashSet<>();
                tree.forEach(handle -> handle.descendants().forEach(more::add));
                tree.addAll(more);
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        }

        /**
         * Ends what is left of the run and forgets its session. A session whose record cannot be
         * deleted now is harmless: the next start finds none of its processes, or a reused pid that
         * {@link RunSession#mayStillHaveProcesses} tells apart.
         */
        @Override
        public void close() {
            endAll();
            if (session == null) {
                return;
            }
            if (!members(session, ProcessHandle.current().pid()).isEmpty()) {
                return;
            }
            try {
                records.forget(session.runId());
            } catch (RuntimeException unreachable) {
                log.warn("Run {}: its ended session could not be forgotten, the next start will: {}",
                        session.runId(), unreachable.getMessage());
            }
        }
    }
}
