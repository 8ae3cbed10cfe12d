package dev.opsledger.automation.run.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunOutcome;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.automation.task.api.ShellExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real processes from scripts written into a temporary folder that is the allow-list. */
class ShellExecutionTest {

    @TempDir
    Path scripts;
    @TempDir
    Path work;
    private ShellExecution shell;
    private final MemorySessions sessions = new MemorySessions();

    @BeforeEach
    void setUp() {
        ExecutorAllowList allowList = new ExecutorAllowList() {
            @Override
            public boolean allowsExecutable(String executable) {
                return executable.startsWith(scripts + "/");
            }

            @Override
            public boolean allowsHost(String host, int port) {
                return false;
            }
        };
        shell = new ShellExecution(allowList, work, "/usr/bin:/bin", Duration.ofMillis(50),
                RunProcesses.onThisMachine(sessions));
    }

    private String script(String name, String body) throws IOException {
        Path file = scripts.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file.toString();
    }

    private static RunInputs inputs(String executable, Duration timeout, Map<String, String> parameters) {
        return new RunInputs("task-1", 1, new ShellExecutor(executable, List.of("--flag", "$HOME")), timeout,
                parameters, Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"; rm -rf /; touch pwned", "$(touch pwned)", "`touch pwned`", "a\ntouch pwned\nb",
            "' \" && touch pwned"})
    void givenAHostileValue_whenTheScriptRuns_thenItArrivesAsTheLiteralValueAndNothingRuns(String hostile)
            throws IOException {
        // The script compares the variable with the file the test wrote: literally equal or not.
        Files.writeString(work.resolve("expected"), hostile);
        String executable = script("echo.sh", """
                printf '%s' "$OPSLEDGER_PARAM_MESSAGE" > "$HOME/actual"
                echo "args: $1 $2"
                env | cut -d= -f1 | sort | tr '\\n' ' '
                """);
        MemoryLog log = new MemoryLog();

        Execution.Result result = shell.execute("run-1", inputs(executable, Duration.ofSeconds(20),
                Map.of("message", hostile)), Map.of(), log, () -> true);

        assertThat(result.outcome()).as(log.text()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(work.resolve("run-1/actual"))).isEqualTo(hostile);
        assertThat(Files.exists(work.resolve("run-1/pwned"))).isFalse();
        assertThat(Files.exists(Path.of("pwned"))).isFalse();
        // Arguments are fixed and never expanded; the environment holds only what is declared.
        assertThat(log.lines).contains("args: --flag $HOME");
        assertThat(log.text()).contains("HOME LANG OPSLEDGER_PARAM_MESSAGE OPSLEDGER_RUN_ID PATH");
    }

    @Test
    void givenAScriptThatFails_whenItRuns_thenFailedWithItsExitCodeAndOutput() throws IOException {
        String executable = script("fail.sh", "echo going wrong\nexit 3\n");
        MemoryLog log = new MemoryLog();

        Execution.Result result = shell.execute("run-2", inputs(executable, Duration.ofSeconds(20), Map.of()), Map.of(),
                log, () -> true);

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(log.lines).contains("going wrong");
    }

    @Test
    void givenAScriptWithAChild_whenTheTimeoutPasses_thenTheWholeTreeIsKilled() throws IOException {
        String executable = script("hang.sh", """
                sleep 300 &
                echo "child $!"
                sleep 300
                """);
        MemoryLog log = new MemoryLog();

        Execution.Result result = shell.execute("run-3", inputs(executable, Duration.ofSeconds(2), Map.of()), Map.of(),
                log, () -> true);

        assertThat(result.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
        long child = Long.parseLong(log.lines.stream().filter(l -> l.startsWith("child ")).findFirst().orElseThrow()
                .substring(6));
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void givenARunningScript_whenCancelled_thenKilledAndNoOutcome() throws IOException {
        String executable = script("long.sh", "echo started\nsleep 300\n");
        MemoryLog log = new MemoryLog();
        long start = System.nanoTime();

        Execution.Result result = shell.execute("run-4", inputs(executable, Duration.ofMinutes(5), Map.of()), Map.of(),
                log, () -> System.nanoTime() - start < Duration.ofSeconds(1).toNanos());

        assertThat(result.outcome()).isNull();
        assertThat(log.lines).contains("started", "[killed: the run was cancelled]");
    }

    @Test
    void givenAScriptThatExitsLeavingABackgroundChild_whenItEnds_thenItLedItsOwnSessionAndTheChildIsKilled()
            throws IOException {
        String executable = script("leave.sh", """
                sleep 300 &
                echo "child $!"
                read -r stat < /proc/$$/stat
                echo "stat $stat"
                exit 4
                """);
        MemoryLog log = new MemoryLog();

        Execution.Result result = shell.execute("run-6", inputs(executable, Duration.ofMinutes(5), Map.of()), Map.of(),
                log, () -> true);

        // setsid became the script: its exit code and its output are the run's.
        assertThat(result.outcome()).as(log.text()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.exitCode()).isEqualTo(4);
        String stat = log.lines.stream().filter(l -> l.startsWith("stat ")).findFirst().orElseThrow().substring(5);
        long script = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
        assertThat(ProcessStat.parse(script, stat).session()).as("the script leads a session of its own")
                .isEqualTo(script);
        assertThat(sessions.recorded).containsExactly("run-6");
        assertThat(sessions.sessions).as("forgotten once none of its processes is left").isEmpty();
        long child = Long.parseLong(log.lines.stream().filter(l -> l.startsWith("child ")).findFirst().orElseThrow()
                .substring(6));
        assertThat(ProcessStat.of(child).filter(p -> !p.ended())).as("the background child").isEmpty();
    }

    @Test
    void givenASecretParameter_whenTheScriptPrintsIt_thenTheLogWriterMasksIt() {
        RunLogWriter writer = new RunLogWriter(null, "run-5", List.of("s3cr3t-value"), 1000);
        assertThat(writer.mask("token=s3cr3t-value; again s3cr3t-value")).isEqualTo("token=****; again ****");
    }
}
