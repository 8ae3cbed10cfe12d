package dev.opsledger.benchmarks;

import static dev.opsledger.benchmarks.Results.f;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs P1–P5 (P6 is a row saying why not yet), writes {@code benchmarks/results/<date>.md} and the
 * table in {@code benchmarks/README.md}. Every figure is a ratio against a baseline of the same run,
 * or a latency measured under the same load, because the machine is shared and noisy.
 *
 * <p>Options: {@code --smoke} (seconds per figure, results to {@code target/} only: checks the
 * runner works, says nothing about speed), {@code --only=P1,P3}, {@code --audit-rows=1000000,10000000},
 * {@code --before} (also runs P1 and P3 with the settings the tuning replaced, for the before/after).
 */
public final class Benchmarks {

    private final Path root;
    private final Path work;
    private final boolean smoke;
    private final Set<String> only;
    private final List<Long> auditRows;
    private final boolean before;
    private final boolean p3Subscribing;
    private final Results results = new Results();

    Benchmarks(Path root, boolean smoke, Set<String> only, List<Long> auditRows, boolean before,
               boolean p3Subscribing) {
        this.root = root;
        this.work = root.resolve("benchmarks/target/run");
        this.smoke = smoke;
        this.only = only;
        this.auditRows = auditRows;
        this.before = before;
        this.p3Subscribing = p3Subscribing;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path root = Path.of(System.getProperty("opsledger.root", ".")).toAbsolutePath().normalize();
        boolean smoke = options.containsKey("smoke");
        Set<String> only = options.containsKey("only")
                ? Set.of(options.get("only").toUpperCase().split(","))
                : Set.of("P1", "P2", "P3", "P4", "P5", "P6");
        List<Long> auditRows = Arrays.stream(options.getOrDefault("audit-rows",
                smoke ? "20000,60000" : "1000000,10000000").split(",")).map(Long::parseLong).toList();
        int exit = new Benchmarks(root, smoke, only, auditRows, options.containsKey("before"),
                options.containsKey("p3-subscribing")).run();
        System.exit(exit);
    }

    int run() throws Exception {
        long started = System.nanoTime();
        String machineAtStart = Machine.describe();
        System.out.println("Machine: " + machineAtStart);
        Files.createDirectories(work);
        // A failure of one part is a row in the results, not a run that leaves nothing behind.
        if (only.contains("P1") || only.contains("P3") || only.contains("P4")) {
            try {
                serviceBenchmarks();
            } catch (Exception e) {
                e.printStackTrace();
                results.note("P1/P3/P4", "service benchmarks", "failed: " + e);
            }
        }
        if (only.contains("P5") || only.contains("P2") || only.contains("P6")) {
            try {
                stackBenchmarks();
            } catch (Exception e) {
                e.printStackTrace();
                results.note("P2/P5/P6", "stack benchmarks", "failed: " + e + " (see benchmarks/target/run/stack/logs)");
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String subset = only.size() == 6 ? "" : String.join("-", new java.util.TreeSet<>(only));
        Report.write(root, smoke, subset, results, machineAtStart, Machine.loadAverage(), took);
        return 0;
    }

    private Duration seconds(int full) {
        return Duration.ofSeconds(smoke ? 2 : full);
    }

    private void serviceBenchmarks() throws Exception {
        System.out.println("Starting PostgreSQL (durable), Kafka, the local issuer and release-service …");
        try (ServiceRig rig = new ServiceRig(root, work)) {
            rig.startService(Map.of());
            if (only.contains("P1")) {
                p1(rig, "tuned");
            }
            if (only.contains("P3")) {
                p3(rig, "tuned");
            }
            if (before && !Tuning.BEFORE.isEmpty()) {
                rig.startService(Tuning.BEFORE);
                if (only.contains("P1")) {
                    p1(rig, "before");
                }
                if (only.contains("P3")) {
                    p3(rig, "before");
                }
                rig.startService(Map.of());
            }
            if (p3Subscribing && only.contains("P3")) {
                rig.startService(Tuning.P3_SUBSCRIBING);
                p3(rig, "subscribing");
                rig.startService(Map.of());
            }
            if (only.contains("P4")) {
                p4(rig);
            }
        }
    }

    private void p1(ServiceRig rig, String label) throws Exception {
        // 15 s of warm-up: with 5 s the JVM was still compiling the command path (JIT threads took 9 ms
        // of CPU per event), so the figure measured a cold service rather than the platform.
        CommandThroughput p1 = new CommandThroughput(rig, seconds(15), seconds(20));
        CommandThroughput.Outcome commands = p1.commands(label);
        CommandThroughput.Baseline baseline = p1.rawJdbcInserts();
        double raw = baseline.rowsPerSecond();
        double ratio = commands.eventsPerSecond() / raw;
        String suffix = label.equals("tuned") ? "" : " (" + label + ": " + String.join(", ", rig.serviceOverrides()) + ")";
        results.row("P1", "Commands → stored events/s, 16 clients, one aggregate each" + suffix,
                f("%.0f events/s", commands.eventsPerSecond()), f("%.0f rows/s raw JDBC insert", raw),
                f("%.3f×", ratio), "≥ 0.5×", ratio >= 0.5);
        results.detail("P1 " + label, f("""
                PUT /applications/{id}/lifecycle (DefineLifecycle → LifecycleDefined) by 16 clients, each on its own
                application, %s warm-up then %s measured. %d events stored (counted in domain_event_entry),
                %d commands failed%s. Command latency %s. Baseline: 16 JDBC connections inserting the same
                payload and metadata bytes into the platform's domain_event_entry in a second database of the same
                server, autocommit, %.0f rows/s.

                Cost per stored event: release-service %.1f ms CPU (by thread, ms: %s), PostgreSQL %.1f ms CPU,
                %.1f commits (pg_stat_database.xact_commit). Per baseline row: PostgreSQL %.2f ms CPU, %.2f commits.
                Service overrides: %s.""",
                seconds(15), seconds(20), commands.stored(), commands.load().failed(),
                commands.load().firstFailure() == null ? "" : " (first: " + commands.load().firstFailure() + ")",
                commands.load().latencies().summary(), raw, commands.serviceCpuPerEvent(), commands.serviceCpuByKind(),
                commands.postgresCpuPerEvent(), commands.commitsPerEvent(), baseline.postgresCpuPerRow(),
                baseline.commitsPerRow(), rig.serviceOverrides().isEmpty() ? "none"
                        : String.join(", ", rig.serviceOverrides())));
    }

    private void p3(ServiceRig rig, String label) throws Exception {
        Visibility p3 = new Visibility(rig, smoke ? 10 : 200, Duration.ofMillis(smoke ? 10 : 40));
        Visibility.Outcome outcome = p3.measure(label, smoke ? 2 : 20);
        String suffix = label.equals("tuned") ? "" : " (" + label + ")";
        if (label.equals("subscribing")) {
            suffix = " (" + String.join(", ", rig.serviceOverrides()) + ")";
        }
        double readP99 = outcome.readModel().percentileMillis(99);
        double kafkaP99 = outcome.kafka().percentileMillis(99);
        results.row("P3", "Command accepted → visible in read model, p50 / p99" + suffix,
                f("%.1f / %.1f ms", outcome.readModel().percentileMillis(50), readP99), "—", "—",
                "p99 ≤ 50 ms", readP99 <= 50);
        results.row("P3", "Event stored → on Kafka, p50 / p99" + suffix,
                f("%.1f / %.1f ms", outcome.kafka().percentileMillis(50), kafkaP99), "—", "—",
                "p99 ≤ 250 ms", kafkaP99 <= 250);
        results.detail("P3 " + label, f("""
                One POST /releases at a time, %d samples after warm-up. Read model (release_view): %s.
                Kafka (consumer in the runner, from the event's stored timestamp): %s; of which stored → producer
                send (record CreateTime, ms resolution): %s, and send → received: %s. Lost (not seen within 10 s): %d.
                The POST itself (request sent → 201 received): %s.
                Service overrides: %s.""", outcome.readModel().count(), outcome.readModel().summary(),
                outcome.kafka().summary(), outcome.toProducer().summary(), outcome.toConsumer().summary(), outcome.lost(),
                outcome.command().summary(), rig.serviceOverrides().isEmpty() ? "none" : String.join(", ", rig.serviceOverrides())));
    }

    private void p4(ServiceRig rig) throws Exception {
        AuditQuery p4 = new AuditQuery(rig);
        Map<Long, Double> p99s = new LinkedHashMap<>();
        Map<Long, Double> sqlP99s = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        // Loading is most of P4's time; the largest size is cut down when it can't finish in the bound.
        long budgetEnd = System.nanoTime() + Duration.ofMinutes(smoke ? 1 : 8).toNanos();
        double loadSeconds = 0;
        for (long rows : auditRows) {
            double rate = p4.loaded() == 0 ? 0 : p4.loaded() / loadSeconds;
            double remaining = (budgetEnd - System.nanoTime()) / 1e9;
            if (rate > 0 && (rows - p4.loaded()) / rate > remaining) {
                long reachable = (long) (p4.loaded() + rate * remaining * 0.8) / 1_000_000 * 1_000_000;
                if (reachable <= p4.loaded()) {
                    detail.append(f("Skipped %,d rows: loading at %.0f rows/s would exceed the run's bound.%n%n",
                            rows, rate));
                    continue;
                }
                detail.append(f("%,d rows would take %.0f s to load at %.0f rows/s, past the run's bound: measured "
                        + "%,d instead.%n%n", rows, (rows - p4.loaded()) / rate, rate, reachable));
                rows = reachable;
            }
            double loadTime = p4.loadUpTo(rows);
            loadSeconds += loadTime;
            AuditQuery.Outcome outcome = p4.measure(smoke ? 5 : 30, smoke ? 20 : 300);
            Latencies sql = p4.sqlAlone(smoke ? 5 : 30, smoke ? 20 : 300);
            p99s.put(rows, outcome.latencies().percentileMillis(99));
            sqlP99s.put(rows, sql.percentileMillis(99));
            detail.append(f("**%,d rows** (%d days; loaded in %.0f s): %s, %d entries on the first page. The SQL "
                            + "alone (prepared, from the runner): %s.%n%n```%n%s%n```%n%n",
                    rows, p4.days(), loadTime, outcome.latencies().summary(), outcome.entriesOnFirstPage(),
                    sql.summary(), outcome.plan()));
        }
        List<Long> sizes = List.copyOf(p99s.keySet());
        for (long rows : sizes) {
            double p99 = p99s.get(rows);
            results.row("P4", f("Audit query (actor + 7-day range, first page) p99 at %,d rows", rows),
                    f("%.1f ms", p99), f("%.1f ms the SQL alone", sqlP99s.get(rows)), "—", "≤ 20 ms", p99 <= 20);
        }
        if (sizes.size() >= 2) {
            long small = sizes.get(0);
            long large = sizes.get(sizes.size() - 1);
            double growth = p99s.get(large) / p99s.get(small);
            results.row("P4", f("Audit query p99 growth %,d → %,d rows", small, large), f("%.1f ms", p99s.get(large)),
                    f("%.1f ms at %,d rows", p99s.get(small), small), f("%.2f×", growth), "≤ 1.5×", growth <= 1.5);
        }
        results.detail("P4", "GET /audit?actor=actor-N&from=…&to=… (7 days, default limit 50) straight to "
                + "release-service with an auditor token, a different actor and week each time, sequentially. "
                + "Plans are of the repository's SQL for the last sample.\n\n" + detail);
    }

    private void stackBenchmarks() throws Exception {
        Path home = work.resolve("stack");
        HttpLoad http = new HttpLoad();
        try (Stack stack = new Stack(root, home)) {
            double cold = 0;
            Map<String, Long> coldRss = Map.of();
            String coldTimeline = "";
            if (only.contains("P5")) {
                System.out.println("./opsledger up, cold (empty home, demo data seeded) …");
                cold = stack.up(true);
                coldTimeline = stack.timeline();
                coldRss = stack.rss();
                stack.down();
            }
            System.out.println("./opsledger up, warm …");
            double warm = stack.up(false);
            String warmTimeline = stack.timeline();
            Map<String, Long> warmRss = stack.rss();
            Map<String, Long> warmPss = stack.memory(Rss.Kind.PSS);
            if (only.contains("P5")) {
                long total = warmRss.values().stream().mapToLong(Long::longValue).sum();
                long proportional = warmPss.values().stream().mapToLong(Long::longValue).sum();
                results.row("P5", "./opsledger up → ready, cold / warm", f("%.1f s / %.1f s", cold, warm), "—", "—",
                        "cold ≤ 90 s", cold <= 90);
                results.row("P5", "Total RSS of every process, all services up (warm, idle)", Rss.gib(total), "—", "—",
                        "≤ 3 GiB", total <= 3L * 1024 * 1024 * 1024);
                results.row("P5", "… the same with shared pages counted once (PSS)", Rss.gib(proportional), "—", "—",
                        "≤ 3 GiB", proportional <= 3L * 1024 * 1024 * 1024);
            }
            if (only.contains("P2")) {
                p2(stack, http);
            }
            if (only.contains("P6")) {
                p6(stack, http);
            }
            Map<String, Long> afterLoad = stack.rss();
            results.detail("P5", f("""
                    `OPSLEDGER_HOME=%s OPSLEDGER_PORT_OFFSET=%d ./opsledger up --detach [--fresh]`, timed until it
                    returns (it waits for every process to be healthy). Cold: the home deleted first, so PostgreSQL is
                    initialised and the demo data seeded; Keycloak's distribution was already unpacked in
                    ~/.cache/opsledger (a first start on a new machine adds its unpacking and Quarkus build).
                    RSS by process after the cold start: %s; after the warm start: %s; after P2's load: %s.
                    PSS by process after the warm start (a shared page divided among the processes that map it): %s.

                    The launcher's progress (seconds since it started), cold: %s.

                    Warm: %s.""",
                    home, Stack.PORT_OFFSET, rssLine(coldRss), rssLine(warmRss), rssLine(afterLoad), rssLine(warmPss), coldTimeline,
                    warmTimeline));
        }
    }

    private static String rssLine(Map<String, Long> rss) {
        return rss.entrySet().stream().map(e -> e.getKey() + " " + Rss.gib(e.getValue()))
                .collect(Collectors.joining(", ")) + " (total " + Rss.gib(rss.values().stream()
                .mapToLong(Long::longValue).sum()) + ")";
    }

    private void p2(Stack stack, HttpLoad http) throws Exception {
        String token = stack.token(http, "dev1", "dev1-pw");
        String direct = stack.url("release", 8081, "/releases");
        String viaGateway = stack.url("gateway", 8080, "/api/releases");
        HttpRequest directRequest = HttpLoad.request(direct, token).GET().build();
        HttpRequest gatewayRequest = HttpLoad.request(viaGateway, token).GET().build();
        int clients = 16;
        http.run(clients, seconds(5), c -> directRequest);
        http.run(clients, seconds(5), c -> gatewayRequest);
        // Interleaved rounds, so drift in the machine's other load falls on both sides alike.
        HttpLoad.Result[] directRuns = new HttpLoad.Result[2];
        HttpLoad.Result[] gatewayRuns = new HttpLoad.Result[2];
        for (int round = 0; round < 2; round++) {
            directRuns[round] = http.run(clients, seconds(10), c -> directRequest);
            gatewayRuns[round] = http.run(clients, seconds(10), c -> gatewayRequest);
        }
        Combined d = Combined.of(directRuns);
        Combined g = Combined.of(gatewayRuns);
        double throughputRatio = g.perSecond / d.perSecond;
        double p99Ratio = g.latencies.percentileMillis(99) / d.latencies.percentileMillis(99);
        // Only answered requests count: a run with refusals (e.g. a rate limit) says so in its figure.
        String refused = d.failed + g.failed == 0 ? "" : f(" (%d direct, %d gateway requests failed)", d.failed, g.failed);
        results.row("P2", "GET /api/releases through the gateway: throughput" + refused, f("%.0f req/s", g.perSecond),
                f("%.0f req/s direct", d.perSecond), f("%.2f×", throughputRatio), "≥ 0.6×", throughputRatio >= 0.6);
        results.row("P2", "GET through the gateway: p99", f("%.1f ms", g.latencies.percentileMillis(99)),
                f("%.1f ms direct", d.latencies.percentileMillis(99)), f("%.2f×", p99Ratio), "≤ 2×", p99Ratio <= 2);
        results.detail("P2", f("""
                16 closed-loop clients, GET %s vs GET %s with the same Keycloak token (dev1, password grant), two
                interleaved rounds of %s each after warm-up. Direct: %s, %d failed. Gateway: %s, %d failed%s.""",
                viaGateway, direct, seconds(10), d.latencies.summary(), d.failed, g.latencies.summary(), g.failed,
                g.firstFailure == null ? "" : " (first: " + g.firstFailure + ")"));
    }

    private void p6(Stack stack, HttpLoad http) throws Exception {
        SagaOverhead.Outcome outcome = new SagaOverhead(stack, http).measure(smoke ? 1 : 3, smoke ? 3 : 30);
        Latencies saga = outcome.approvedToDeployed();
        double p99 = saga.percentileMillis(99);
        String failed = outcome.failed() == 0 ? "" : f(" (%d promotions did not reach DEPLOYED)", outcome.failed());
        results.row("P6", "Promotion saga across services: last approval → deployed, p50 / p99" + failed,
                f("%.0f / %.0f ms", saga.percentileMillis(50), p99), "—", "—", "p99 ≤ 500 ms",
                outcome.failed() == 0 && p99 <= 500);
        StringBuilder steps = new StringBuilder();
        outcome.steps().forEach((type, latencies) -> steps.append(f("%n- → %s: %s", type, latencies.summary())));
        results.detail("P6", f("""
                One promotion at a time through the gateway of the stack above (real release-, backup- and
                automation-service, Kafka between them): one environment with one approver, a pre-deploy backup of
                a one-file folder (a directory target, archived in backup-service's JVM) and a deploy task running %s. From the stored time of
                PromotionApproved to that of DeployTaskSucceeded in release-service's event store: %s. Seen by
                the runner (approval answered → first GET showing DEPLOYED, polled every 10 ms): %s.%s

                Each step after the approval, from the event before it (stored times):%s""",
                SagaOverhead.INSTANT_SCRIPT, saga.summary(), outcome.polled().summary(),
                outcome.firstFailure() == null ? "" : " First failure: " + outcome.firstFailure() + ".", steps));
    }

    private record Combined(double perSecond, Latencies latencies, long failed, String firstFailure) {
        static Combined of(HttpLoad.Result... runs) {
            Latencies all = new Latencies();
            long ok = 0;
            long failed = 0;
            double seconds = 0;
            String first = null;
            for (HttpLoad.Result run : runs) {
                all.addAll(run.latencies());
                ok += run.ok();
                failed += run.failed();
                seconds += run.elapsed().toNanos() / 1e9;
                first = first == null ? run.firstFailure() : first;
            }
            return new Combined(ok / seconds, all, failed, first);
        }
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
