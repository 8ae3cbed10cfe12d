package dev.opsledger.automation.run.execution;

import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunOutcome;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.automation.task.api.ShellExecutor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a shell task: the allow-listed executable with its fixed arguments, never through a
 * shell. The environment is cleared and holds only {@code PATH}, {@code HOME} (the run's own
 * folder), {@code LANG}, {@code OPSLEDGER_RUN_ID} and one {@code OPSLEDGER_PARAM_<NAME>} per
 * parameter: a value like {@code $(id)} reaches the script as those literal characters. The run
 * starts in a process session of its own ({@link RunProcesses}); on timeout, cancel or stop every
 * process of the run is killed, and so is what is left of it when the main process exits, so
 * nothing a run started outlives it, not even a killed service (its next start ends them).
 */
class ShellExecution implements Execution {

    private final ExecutorAllowList allowList;
    private final Path workRoot;
    private final String path;
    private final Duration watchInterval;
    private final RunProcesses processes;

    ShellExecution(ExecutorAllowList allowList, Path workRoot, String path, Duration watchInterval,
                   RunProcesses processes) {
        this.allowList = allowList;
        this.processes = processes;
        this.workRoot = workRoot;
        this.path = path;
        this.watchInterval = watchInterval;
    }

    @Override
    public Result execute(String runId, RunInputs inputs, Map<String, String> secrets, RunLogSink log,
                          BooleanSupplier stillWanted) {
        ShellExecutor shell = (ShellExecutor) inputs.executor();
        // The operator may have narrowed the allow-list since the task was defined.
        if (!allowList.allowsExecutable(shell.executable())) {
            return new Result(RunOutcome.FAILED, null, shell.executable() + " is no longer allow-listed");
        }
        RunProcesses.Started run;
        try {
            Path folder = Files.createDirectories(workRoot.resolve(runId));
            List<String> command = new ArrayList<>();
            command.add(shell.executable());
            command.addAll(shell.arguments());
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.put("PATH", path);
            environment.put("HOME", folder.toString());
            environment.put("LANG", "C.UTF-8");
            environment.put("OPSLEDGER_RUN_ID", runId);
            inputs.parameters().forEach((name, value) ->
                    environment.put(variable(name), secrets.getOrDefault(name, value)));
            run = processes.start(runId, builder);
        } catch (IOException | UnsupportedOperationException cannotStart) {
            log.line("cannot start " + shell.executable() + ": " + cannotStart.getMessage());
            return new Result(RunOutcome.FAILED, null, "cannot start: " + cannotStart.getMessage());
        }
        try (run) {
            Process process = run.process();
            closeQuietly(process);
            Thread reader = Thread.ofVirtual().name("run-log-" + runId).start(() -> copy(process, log));
            Result result = watch(run, inputs.timeout(), log, stillWanted);
            try {
                reader.join(Duration.ofSeconds(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            log.flush();
            return result;
        }
    }

    private Result watch(RunProcesses.Started run, Duration timeout, RunLogSink log, BooleanSupplier stillWanted) {
        Process process = run.process();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                run.observe();
                if (process.waitFor(watchInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    run.endAll();
                    int exit = process.exitValue();
                    return new Result(exit == 0 ? RunOutcome.SUCCEEDED : RunOutcome.FAILED, exit,
                            "exit code " + exit);
                }
                log.flushIfDue();
                if (System.nanoTime() - deadline >= 0) {
                    run.endAll();
                    log.line("[killed after the timeout of " + timeout + "]");
                    return new Result(RunOutcome.TIMED_OUT, null, "timed out after " + timeout);
                }
                if (!stillWanted.getAsBoolean()) {
                    run.endAll();
                    log.line("[killed: the run was cancelled]");
                    return Result.cancelled();
                }
            }
        } catch (InterruptedException shuttingDown) {
            run.endAll();
            Thread.currentThread().interrupt();
            log.line("[killed: the service is stopping]");
            return new Result(null, null, "interrupted");
        }
    }

    private static void copy(Process process, RunLogSink log) {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            StringBuilder line = new StringBuilder();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        log.line(line.toString());
                        line.setLength(0);
                    } else if (c != '\r') {
                        line.append(c);
                        if (line.length() >= 4096) {
                            log.line(line.toString());
                            line.setLength(0);
                        }
                    }
                }
            }
            if (!line.isEmpty()) {
                log.line(line.toString());
            }
        } catch (IOException closed) {
            // The process was killed and its pipe closed: what was read is logged.
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // No input is ever given; a pipe that is already gone is as good as closed.
        }
    }

    static String variable(String parameter) {
        return "OPSLEDGER_PARAM_" + parameter.toUpperCase(java.util.Locale.ROOT);
    }
}
