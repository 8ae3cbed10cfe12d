package dev.opsledger.automation.run.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A killed service's run, with real processes and the real {@code run_process} table on PostgreSQL:
 * a run is started the way {@link ShellExecution} starts it, its script forks a grandchild, and then
 * the JVM side of the run vanishes as in a crash: nobody waits for it, kills it or forgets its
 * session. A second {@link RunProcesses} on the same table, as the restarted service has, then ends
 * every process of the session and forgets it, and leaves alone what only looks like it.
 */
@WithPostgres
class RunProcessesIT {

    private static JdbcClient jdbc;
    private final List<Long> started = new ArrayList<>();

    @BeforeAll
    static void migrate(PostgresDatabase database) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(),
                database.username(), database.password());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/platform", "classpath:db/migration/automation").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("DELETE FROM run_process").update();
    }

    /** Ends what a failed test left, by the pids it printed (never by name). */
    @AfterEach
    void endWhatIsLeft() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void givenARunWhoseServiceDied_whenTheNextStartEndsLeftovers_thenEveryProcessOfItsSessionIsKilledAndForgotten()
            throws Exception {
        RunProcesses crashed = processes();
        RunProcesses.Started run = crashed.start("run-crashed", script());
        long leader = run.process().pid();
        long grandchild = grandchildOf(run.process());
        await().atMost(Duration.ofSeconds(30)).until(() -> sessionOf(leader).size() == 3);
        List<Long> members = sessionOf(leader);
        started.addAll(members);
        assertThat(members).as("the script, its background grandchild and its foreground sleep").contains(leader,
                grandchild);
        Map<String, Object> row = jdbc.sql("SELECT * FROM run_process WHERE run_id = 'run-crashed'").query()
                .singleRow();
        assertThat(row).containsEntry("leader_pid", leader)
                .containsEntry("leader_start_ticks", ProcessStat.of(leader).orElseThrow().startTicks())
                .containsEntry("boot_id", Machine.current().orElseThrow().bootId())
                .containsEntry("host", Machine.current().orElseThrow().host());

        Map<String, RunProcesses.Ended> ended = processes().endLeftovers();

        assertThat(ended).containsOnlyKeys("run-crashed");
        assertThat(ended.get("run-crashed").left()).isZero();
        assertThat(ended.get("run-crashed").killed()).hasSize(3);
        assertThat(sessionOf(leader)).as("live processes of the session").isEmpty();
        members.forEach(pid -> assertThat(running(pid)).as("process %d of the run", pid).isFalse());
        assertThat(rows()).isZero();
    }

    @Test
    void givenARunWhoseScriptExitedLeavingItsGrandchild_whenTheNextStartEndsLeftovers_thenTheGrandchildIsKilled()
            throws Exception {
        RunProcesses.Started run = processes().start("run-orphan", script("exit"));
        long leader = run.process().pid();
        long grandchild = grandchildOf(run.process());
        started.add(grandchild);
        run.process().waitFor();
        assertThat(ProcessStat.of(grandchild).orElseThrow().session()).as("handed to init, still in the session")
                .isEqualTo(leader);
        assertThat(running(grandchild)).isTrue();

        Map<String, RunProcesses.Ended> ended = processes().endLeftovers();

        assertThat(ended.get("run-orphan").killed()).hasSize(1).first().asString().startsWith(grandchild + " ");
        assertThat(running(grandchild)).isFalse();
        assertThat(rows()).isZero();
    }

    @Test
    void givenRecordsOfAnotherBootAndOfAnEarlierProcessWithTheSamePid_whenLeftoversAreEnded_thenNoLiveProcessIsTouched()
            throws Exception {
        RunProcesses.Started run = processes().start("run-alive", script());
        long leader = run.process().pid();
        started.add(grandchildOf(run.process()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessionOf(leader).size() == 3);
        started.addAll(sessionOf(leader));
        RunSession live = sessionRow("run-alive");
        Machine here = Machine.current().orElseThrow();
        jdbc.sql("DELETE FROM run_process").update();
        RunSessionTable table = new RunSessionTable(jdbc);
        table.record(new RunSession("run-other-boot", leader, live.leaderStartTicks(), live.leaderStartedAt(),
                new Machine("00000000-0000-0000-0000-000000000000", here.host())));
        table.record(new RunSession("run-other-host", leader, live.leaderStartTicks(), live.leaderStartedAt(),
                new Machine(here.bootId(), here.host() + "-elsewhere")));
        table.record(new RunSession("run-earlier-pid", leader, live.leaderStartTicks() - 100, live.leaderStartedAt(),
                here));

        Map<String, RunProcesses.Ended> ended = processes().endLeftovers();

        assertThat(ended).doesNotContainKeys("run-other-boot", "run-other-host");
        assertThat(ended.get("run-earlier-pid").killed()).isEmpty();
        assertThat(sessionOf(leader)).as("the live run's processes").hasSize(3);
        assertThat(rows()).as("records nobody can act on are dropped").isZero();
        run.close();
        assertThat(sessionOf(leader)).isEmpty();
    }

    private RunProcesses processes() {
        RunProcesses processes = RunProcesses.onThisMachine(new RunSessionTable(jdbc));
        assertThat(processes.startsSessions()).as("setsid and /proc on this machine").isTrue();
        return processes;
    }

    private static ProcessBuilder script(String... arguments) throws URISyntaxException {
        Path script = Path.of(RunProcessesIT.class.getResource("/scripts/leaves-a-grandchild.sh").toURI());
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static long grandchildOf(Process process) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("grandchild ");
        return Long.parseLong(line.substring("grandchild ".length()));
    }

    private static RunSession sessionRow(String runId) {
        return new RunSessionTable(jdbc).all().stream().filter(s -> s.runId().equals(runId)).findFirst().orElseThrow();
    }

    /** Live (not zombie) processes whose session id is the leader's pid. */
    private static List<Long> sessionOf(long leader) {
        return ProcessStat.all().stream().filter(p -> p.session() == leader && !p.ended()).map(ProcessStat::pid)
                .toList();
    }

    private static boolean running(long pid) {
        Optional<ProcessStat> process = ProcessStat.of(pid);
        return process.isPresent() && !process.get().ended();
    }

    private static int rows() {
        return jdbc.sql("SELECT count(*) FROM run_process").query(Integer.class).single();
    }
}
