package dev.opsledger.automation.run.execution;

import dev.opsledger.automation.run.api.CompleteRun;
import dev.opsledger.automation.run.api.InterruptRun;
import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunOutcome;
import dev.opsledger.automation.run.api.StartRun;
import dev.opsledger.automation.task.api.HttpExecutor;
import dev.opsledger.automation.task.api.ShellExecutor;
import dev.opsledger.platform.core.error.CodedFailure;
import dev.opsledger.platform.metadata.CorrelationChains;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bounded worker pool. On start it closes the runs a dead worker left {@code running}
 * (as interrupted, with an event), then polls {@code run_queue} for queued runs while workers are
 * free: {@code ALLOW} and {@code FORBID} runs in order, a {@code QUEUE} run only when it is its
 * task's oldest and none of the task's runs is running. {@link StartRun} decides who takes a run
 * (the aggregate admits one start), and answers the exact inputs to execute.
 *
 * <p>While a run executes, its worker watches the queue row: the row disappears in the
 * transaction of {@code RunCancelled}, and the worker kills what it runs. One instance per
 * database runs workers (ADR 031).
 */
public class RunWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);
    static final String INTERRUPTED_REASON = "the service stopped while the run was running";

    private final CommandGateway commands;
    private final CorrelationChains chains;
    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final Map<Class<?>, Execution> executions;
    private final RunProcesses processes;
    private final int size;
    private final long maxLogCharacters;
    private final long pollMillis;
    private final String worker = "worker-" + UUID.randomUUID();
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private ExecutorService pool;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    RunWorkers(CommandGateway commands, CorrelationChains chains, JdbcClient jdbc, Secrets secrets,
               RunProcesses processes, ShellExecution shell, HttpExecution http, int size, long maxLogCharacters,
               long pollMillis) {
        this.processes = processes;
        this.commands = commands;
        this.chains = chains;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.executions = Map.of(ShellExecutor.class, shell, HttpExecutor.class, http);
        this.size = size;
        this.maxLogCharacters = maxLogCharacters;
        this.pollMillis = pollMillis;
    }

    @Override
    public void start() {
        interruptLeftovers();
        pool = Executors.newFixedThreadPool(size, Thread.ofPlatform().name("run-worker-", 0).daemon().factory());
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("run-poller").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        // Interrupting the workers kills their processes; the runs are closed as interrupted on
        // the next start, since this instance can no longer record anything reliably.
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the event processors: commands must be handled when this starts. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /**
     * Closes the runs a dead worker left running. Their processes are ended first (those of any
     * session still recorded, also of a run the saga closed meanwhile), so that no deploy script is
     * still deploying once its run says interrupted.
     */
    void interruptLeftovers() {
        Map<String, RunProcesses.Ended> ended = processes.endLeftovers();
        List<String> leftovers = jdbc.sql("SELECT run_id FROM run_queue WHERE started_at IS NOT NULL ORDER BY run_id")
                .query(String.class).list();
        for (String runId : leftovers) {
            try {
                send(runId, new InterruptRun(runId, interruptedReason(ended.get(runId))));
                log.info("Run {} was running when the service stopped: closed as interrupted", runId);
            } catch (RuntimeException refused) {
                log.warn("Run {} could not be closed as interrupted: {}", runId, refused.getMessage());
            }
        }
    }

    static String interruptedReason(RunProcesses.Ended ended) {
        if (ended == null || ended.killed().isEmpty() && ended.left() == 0) {
            return INTERRUPTED_REASON;
        }
        String reason = INTERRUPTED_REASON + "; " + ended.killed().size()
                + " of its processes still running were ended";
        return ended.left() == 0 ? reason : reason + ", " + ended.left() + " would not end";
    }

    private void poll() {
        try {
            int free = size - active.size();
            if (free <= 0) {
                return;
            }
            List<String> candidates = jdbc.sql("""
                            SELECT q.run_id FROM run_queue q
                            WHERE q.started_at IS NULL
                              AND (q.concurrency <> 'QUEUE' OR (
                                   NOT EXISTS (SELECT 1 FROM run_queue r
                                               WHERE r.task_id = q.task_id AND r.started_at IS NOT NULL)
                               AND NOT EXISTS (SELECT 1 FROM run_queue e
                                               WHERE e.task_id = q.task_id AND e.started_at IS NULL
                                                 AND (e.queued_at, e.run_id) < (q.queued_at, q.run_id))))
                            ORDER BY q.queued_at, q.run_id
                            LIMIT ?""")
                    .param(free)
                    .query(String.class).list();
            for (String runId : candidates) {
                if (!active.contains(runId)) {
                    take(runId);
                }
            }
        } catch (RuntimeException failed) {
            log.warn("Polling the run queue failed; trying again: {}", failed.getMessage());
        }
    }

    private void take(String runId) {
        RunInputs inputs;
        try {
            inputs = send(runId, new StartRun(runId, worker));
        } catch (RuntimeException notOurs) {
            // Cancelled meanwhile, or another worker took it: the aggregate said no.
            log.debug("Run {} not started: {}", runId, notOurs.getMessage());
            return;
        }
        active.add(runId);
        pool.execute(() -> {
            try {
                execute(runId, inputs);
            } finally {
                active.remove(runId);
            }
        });
    }

    private void execute(String runId, RunInputs inputs) {
        Map<String, String> secretValues;
        try {
            secretValues = secrets.resolve(inputs);
        } catch (Secrets.UnavailableSecret unavailable) {
            RunLogWriter writer = new RunLogWriter(jdbc, runId, List.of(), maxLogCharacters);
            writer.line(unavailable.getMessage());
            writer.flush();
            complete(runId, new Execution.Result(RunOutcome.FAILED, null, unavailable.getMessage()));
            return;
        }
        RunLogWriter writer = new RunLogWriter(jdbc, runId, secretValues.values(), maxLogCharacters);
        Execution.Result result;
        try {
            result = executions.get(inputs.executor().getClass())
                    .execute(runId, inputs, secretValues, writer, () -> stillQueued(runId));
        } catch (RuntimeException broken) {
            log.error("Run {} failed in its executor", runId, broken);
            result = new Execution.Result(RunOutcome.FAILED, null, "executor error: " + broken.getMessage());
        }
        try {
            writer.flush();
        } catch (RuntimeException lost) {
            log.warn("The end of run {}'s log could not be written: {}", runId, lost.getMessage());
        }
        if (result.outcome() != null) {
            complete(runId, result);
        }
    }

    private void complete(String runId, Execution.Result result) {
        try {
            send(runId, new CompleteRun(runId, result.outcome(), result.exitCode(), result.detail()));
        } catch (RuntimeException refused) {
            if (refused instanceof CodedFailure) {
                // Cancelled or timed out by the saga meanwhile: the run already has its end.
                log.info("Result of run {} not recorded: {}", runId, refused.getMessage());
            } else {
                log.error("Result of run {} could not be recorded", runId, refused);
            }
        }
    }

    private boolean stillQueued(String runId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM run_queue WHERE run_id = ?)").param(runId)
                .query(Boolean.class).single();
    }

    /**
     * Commands of a worker join the run's correlation chain and trace, so the audit tells one story
     * and the run's answer to a requesting service stays on the trace of its request.
     */
    private <R> R send(String runId, Object command) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(chains.chainOf(runId));
        return commands.sendAndWait(message);
    }
}
