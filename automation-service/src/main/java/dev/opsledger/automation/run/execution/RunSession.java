package dev.opsledger.automation.run.execution;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a shell run's processes are: the session its leader opened with {@code setsid}, on one
 * boot of one host. Every process the run starts, and every process those start, stays in that
 * session unless it opens one of its own, also after the leader has exited and they were handed
 * to init. That is what finds them again after the JVM that started them was killed.
 *
 * @param leaderStartTicks the leader's start in clock ticks since boot ({@link ProcessStat})
 * @param leaderStartedAt  the same moment as the JDK tells it, for people reading the row or the log
 */
record RunSession(String runId, long leaderPid, long leaderStartTicks, Instant leaderStartedAt, Machine machine) {

    /** Only on the boot and host that recorded it do its pids name its processes. */
    boolean isOn(Machine here) {
        return machine.equals(here);
    }

    /**
     * Whether the session can still have processes. The kernel keeps a pid from being reused while
     * any process still has it as its session id; so when a process with the leader's pid lives but
     * started at another moment, that pid was freed, the session is gone, and the processes of the
     * new session of that number belong to someone else.
     *
     * @param leaderNow what {@code /proc} shows for the leader's pid now, empty if nothing
     */
    boolean mayStillHaveProcesses(Optional<ProcessStat> leaderNow) {
        return leaderNow.map(leader -> leader.startTicks() == leaderStartTicks).orElse(true);
    }

    /**
     * A live process of this session: its session id is the leader's pid, and it started no
     * earlier than the leader (a process of an older session of the same number cannot be one).
     */
    boolean owns(ProcessStat process) {
        return process.session() == leaderPid && process.startTicks() >= leaderStartTicks && !process.ended();
    }
}
