package dev.opsledger.devstack;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.testkit.EmbeddedKafkaBroker;
import dev.opsledger.testkit.EmbeddedKeycloak;
import dev.opsledger.testkit.EmbeddedPostgresServer;
import dev.opsledger.testkit.KafkaAccessControl;
import dev.opsledger.testkit.KeycloakServer;
import dev.opsledger.testkit.PostgresDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./opsledger up}: the infrastructure from the testkit (data kept under the stack home),
 * then every enabled process of {@code devstack-services.properties}, then demo data, then it waits for
 * Ctrl-C or {@code ./opsledger down} and stops everything it started.
 */
final class Launcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Keycloak's database on the stack's PostgreSQL; no service of devstack-services.properties may use it. */
    static final String KEYCLOAK_DATABASE = "keycloak";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackHome home;
    private final List<ServiceSpec> specs;
    private final PrintStream out;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<String, PostgresDatabase> databases = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private EmbeddedKeycloak keycloak;
    private KafkaCredentials kafkaCredentials;
    private volatile StackState state;
    private final Map<String, RestartPolicy.Tracker> restarts = new ConcurrentHashMap<>();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();

    Launcher(StackHome home, List<ServiceSpec> specs, PrintStream out) {
        this.home = home;
        this.specs = specs;
        this.out = out;
    }

    int up(boolean fresh) throws Exception {
        Files.createDirectories(home.logs());
        try (FileChannel lockChannel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                String pid = StackState.read(home.stateFile()).map(s -> " (launcher pid " + s.launcherPid() + ")").orElse("");
                out.println("OpsLedger is already running from " + home.home() + pid + ".");
                out.println("See ./opsledger status, or stop it with ./opsledger down.");
                return 1;
            }
            Map<ServiceSpec, Path> jars = requireJars();
            if (fresh) {
                wipeData();
            }
            Instant started = Instant.now();
            state = new StackState(ProcessHandle.current().pid(), StackState.Phase.STARTING, started, null, List.of());
            state.write(home.stateFile());
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "opsledger-devstack-stop"));
            try {
                startInfrastructure(started);
                startServices(jars, started);
                awaitHealthy(started);
                if (!Files.exists(home.seededMarker())) {
                    progress(started, "seeding demo data through the gateway");
                    new DemoData(edgeUrl(), keycloak, postgres, home.root()).seed(out);
                    Files.writeString(home.seededMarker(), Instant.now().toString());
                }
            } catch (RuntimeException | IOException startFailure) {
                state = state.with(StackState.Phase.FAILED);
                state.write(home.stateFile());
                out.println();
                out.println("OpsLedger did not start: " + startFailure.getMessage());
                out.println("Logs: " + home.logs());
                return 1;
            }
            state = state.with(StackState.Phase.READY);
            state.write(home.stateFile());
            Banner.print(out, home, state, Duration.between(started, state.readyAt()));
            watchChildren();
            stopped.await();
            return 0;
        }
    }

    private Map<ServiceSpec, Path> requireJars() {
        Map<ServiceSpec, Path> jars = new LinkedHashMap<>();
        for (ServiceSpec spec : specs) {
            Path jar = ServiceProcess.jarOf(home.root(), spec).orElseThrow(() -> new IllegalStateException(
                    "No runnable jar in " + spec.module() + "/target: build first with ./mvnw -DskipTests package"));
            jars.put(spec, jar);
        }
        return jars;
    }

    private void wipeData() throws IOException {
        // The Kafka passwords and audit keys stay: they belong to the stack home, not to its data.
        out.println("--fresh: wiping " + home.postgresData() + " (the services' and Keycloak's data), " + home.kafkaData()
                + ", " + home.backups() + ", " + home.automationWork() + " and the demo-data marker");
        for (Path path : List.of(home.postgresData(), home.importedRealm(), home.kafkaData(), home.seededMarker(),
                home.stateFile(), home.backups(), home.automationWork())) {
            deleteRecursively(path);
        }
    }

    private void startInfrastructure(Instant started) {
        progress(started, "starting PostgreSQL, Kafka and Keycloak");
        postgres = EmbeddedPostgresServer.start(home.postgresData(), home.port(StackHome.POSTGRES_PORT));
        // Keycloak keeps its data in PostgreSQL (ADR 072), which is up in seconds; Keycloak takes the longest,
        // so it boots while Kafka starts and the services' databases are created in this thread.
        CompletableFuture<EmbeddedKeycloak> keycloakStart = CompletableFuture.supplyAsync(() -> startKeycloak(home, postgres));
        for (ServiceSpec spec : specs) {
            if (spec.hasDatabase()) {
                databases.put(spec.database(), postgres.createDatabase(spec.database()));
            }
        }
        progress(started, "PostgreSQL ready on " + postgres.host() + ":" + postgres.port());
        startKafka();
        progress(started, "Kafka ready on " + kafka.bootstrapServers() + " (SASL/SCRAM, ACLs)");
        keycloak = keycloakStart.join();
        progress(started, "Keycloak ready on " + keycloak.baseUrl());
        new ImportedRealm(home.importedRealm()).checkAtStart().ifPresent(notice -> progress(started, notice));
    }

    /**
     * The devstack's Keycloak: its data in the database {@value #KEYCLOAK_DATABASE} of the stack's durable
     * PostgreSQL (ADR 072), so users and the group and role memberships access-service provisions survive a
     * restart, and {@code --fresh} wipes them with the rest of PostgreSQL's data. The realm file is imported
     * only into an empty database: Keycloak's start-up import ignores a realm that exists.
     */
    static EmbeddedKeycloak startKeycloak(StackHome home, EmbeddedPostgresServer postgres) {
        return EmbeddedKeycloak.builder()
                .port(home.port(StackHome.KEYCLOAK_PORT))
                .logFile(home.log("keycloak"))
                .database(postgres.createDatabase(KEYCLOAK_DATABASE))
                .start();
    }

    /**
     * Kafka lets no one write where they don't belong (ADR 063): logins per principal, passwords generated for
     * this stack home, and the ACLs of {@link KafkaAccessControl} applied again at every start, so a stack
     * home made before a change of the declaration follows it. Other teams' read-only login is written for them.
     */
    private void startKafka() {
        kafkaCredentials = KafkaCredentials.loadOrCreate(home.kafkaCredentials());
        kafka = EmbeddedKafkaBroker.startSecured(home.kafkaData(), home.port(StackHome.KAFKA_PORT),
                kafkaCredentials.superUserPassword());
        try (var admin = kafka.admin()) {
            KafkaAccessControl.apply(admin, kafkaCredentials.clientPasswords());
        }
        kafkaCredentials.writeClientConfig(home.kafkaReaderConfig(), KafkaAccessControl.READER, kafka.bootstrapServers());
        state = state.withKafkaReaderConfig(home.kafkaReaderConfig());
        state.write(home.stateFile());
    }

    /** The Kafka principal a process logs in as: its service's, or the gateway's for the edge. */
    private static String kafkaPrincipalOf(ServiceSpec spec) {
        return spec.edge() ? KafkaAccessControl.GATEWAY : KafkaAccessControl.principalOf(OpsLedgerService.byId(spec.name()));
    }

    private void startServices(Map<ServiceSpec, Path> jars, Instant started) {
        jars.forEach((spec, jar) -> {
            ServiceProcess process = ServiceProcess.start(spec, jar, propertiesFor(spec), environmentFor(spec),
                    home.log(spec.name()));
            synchronized (processes) {
                processes.add(process);
            }
            progress(started, "started " + spec.name() + " (pid " + process.pid() + ")");
        });
        state = state.with(entries());
        state.write(home.stateFile());
    }

    /** What each process is told about its surroundings; docker-compose sets the same keys. */
    private Map<String, String> propertiesFor(ServiceSpec spec) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(home.port(spec.port())));
        // A person reads these logs with ./opsledger logs: plain lines, not the JSON a log shipper wants.
        properties.put("opsledger.observability.structured-logs", "false");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
        // Keycloak's base URL, for what calls its admin API (access-service provisioning); compose sets OPSLEDGER_KEYCLOAK_URL.
        properties.put("opsledger.keycloak.url", keycloak.baseUrl());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        if (spec.hasDatabase()) {
            databases.get(spec.database()).properties()
                    .forEach((key, value) -> properties.put(key, String.valueOf(value)));
        }
        if (spec.edge()) {
            properties.putAll(edgeWiring());
        }
        properties.putAll(spec.resolvedSettings(placeholders()));
        return properties;
    }

    /**
     * A child's secrets, in its environment rather than on its command line (which every user of the
     * machine can read): its Kafka login as {@code SPRING_APPLICATION_JSON}, and for a service with
     * a database the dev-only audit checkpoint keys.
     */
    private Map<String, String> environmentFor(ServiceSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (spec.hasDatabase()) {
            environment.putAll(DevAuditKeys.loadOrCreate(home.auditKeys()).environment());
        }
        Map<String, String> kafkaLogin = kafkaCredentials.springProperties(kafkaPrincipalOf(spec));
        if (!kafkaLogin.isEmpty()) {
            environment.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(kafkaLogin));
        }
        return environment;
    }

    /**
     * What a service's own settings in {@code devstack-services.properties} may refer to: facts of this
     * stack (where the repository and the data live, the embedded PostgreSQL's dev-only login), so a
     * folder a service may run scripts from is an absolute path derived from the repository root,
     * never from input.
     */
    private Map<String, String> placeholders() {
        return Map.of(
                "root", home.root().toString(),
                "home", home.home().toString(),
                "postgres.host", postgres.host(),
                "postgres.port", String.valueOf(postgres.port()),
                "postgres.username", postgres.username(),
                "postgres.password", postgres.password());
    }

    /**
     * What only the public entry needs: its dev-only client secret for browser logins, and the
     * service slot of every service started here switched on at its address. The gateway has a
     * slot per declared service; one that isn't started stays off, so nothing routes to it.
     */
    private Map<String, String> edgeWiring() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.client.registration.keycloak.client-secret",
                KeycloakServer.GATEWAY_DEV_SECRET);
        for (ServiceSpec service : specs) {
            if (!service.edge()) {
                properties.put("opsledger.gateway.services." + service.name() + ".enabled", "true");
                properties.put("opsledger.gateway.services." + service.name() + ".uri",
                        "http://127.0.0.1:" + home.port(service.port()));
            }
        }
        return properties;
    }

    private void awaitHealthy(Instant started) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.spec().name() + " exited during start-up; see " + process.log());
                }
                if (ServiceProcess.isHealthy(process.url(home))) {
                    waiting.remove(process);
                    progress(started, process.spec().name() + " healthy at " + process.url(home));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not healthy after " + READY_TIMEOUT.toMinutes() + " min: "
                        + waiting.stream().map(p -> p.spec().name() + " (" + p.log() + ")").toList());
            }
            if (!waiting.isEmpty()) {
                pause(Duration.ofMillis(500));
            }
        }
    }

    private List<StackState.Entry> entries() {
        List<StackState.Entry> entries = new ArrayList<>();
        entries.add(new StackState.Entry("postgres",
                "postgresql://" + postgres.host() + ":" + postgres.port(), null, null));
        entries.add(new StackState.Entry("kafka", kafka.bootstrapServers(), null, null));
        entries.add(new StackState.Entry("keycloak", keycloak.baseUrl(), null, home.log("keycloak").toString()));
        synchronized (processes) {
            for (ServiceProcess process : processes) {
                String name = process.spec().name();
                RestartPolicy.Tracker tracker = restarts.get(name);
                entries.add(new StackState.Entry(name, process.url(home), process.pid(), process.log().toString(),
                        tracker == null ? 0 : tracker.restarts(), givenUp.contains(name)));
            }
        }
        return entries;
    }

    /** Demo data goes in through the public entry, the way users' requests do. */
    private String edgeUrl() {
        return processes.stream().filter(p -> p.spec().edge()).findFirst()
                .map(p -> p.url(home))
                .orElseThrow(() -> new IllegalStateException("devstack-services.properties declares no edge (gateway)"));
    }

    /**
     * Restarts a child that exits on its own, under {@link RestartPolicy#DEFAULT}: after a back-off
     * that grows with each recent crash, and not at all once it has crashed too often; then it is
     * reported, and the stack's phase becomes {@code FAILED}. {@code ./opsledger status} shows
     * each child's restarts.
     */
    private void watchChildren() {
        Thread watcher = Thread.ofVirtual().name("opsledger-devstack-watch").unstarted(() -> {
            while (stopped.getCount() > 0) {
                List<ServiceProcess> watched;
                synchronized (processes) {
                    watched = List.copyOf(processes);
                }
                for (ServiceProcess process : watched) {
                    if (!process.isAlive() && state.phase() == StackState.Phase.READY
                            && !givenUp.contains(process.spec().name())) {
                        restartOrGiveUp(process);
                    }
                }
                pause(Duration.ofSeconds(1));
            }
        });
        watcher.setDaemon(true);
        watcher.start();
    }

    private void restartOrGiveUp(ServiceProcess dead) {
        String name = dead.spec().name();
        RestartPolicy.Tracker tracker = restarts.computeIfAbsent(name, n -> RestartPolicy.DEFAULT.tracker());
        Optional<Duration> backoff = tracker.crashed(Instant.now());
        if (backoff.isEmpty()) {
            givenUp.add(name);
            out.println(name + " exited (code " + dead.exitCode() + ") for the " + (tracker.maxRestartsInWindow() + 1)
                    + "th time within " + tracker.window().toMinutes() + " min; not restarting it. See " + dead.log());
            state = state.with(StackState.Phase.FAILED).with(entries());
            state.write(home.stateFile());
            return;
        }
        out.println(name + " exited unexpectedly (code " + dead.exitCode() + "); restarting it in "
                + backoff.get().toSeconds() + " s (restart " + tracker.restarts() + "). See " + dead.log());
        pause(backoff.get());
        if (stopped.getCount() == 0 || state.phase() != StackState.Phase.READY) {
            return;
        }
        ServiceProcess restarted = dead.restart();
        synchronized (processes) {
            processes.set(processes.indexOf(dead), restarted);
        }
        state = state.with(entries());
        state.write(home.stateFile());
    }

    /** Runs at JVM exit (Ctrl-C, {@code ./opsledger down}): services first, then what they depend on. */
    private void stopAll() {
        if (state != null) {
            state = state.with(StackState.Phase.STOPPING);
            state.write(home.stateFile());
        }
        out.println();
        out.println("Stopping OpsLedger…");
        List<CompletableFuture<Void>> stops;
        synchronized (processes) {
            stops = processes.stream()
                    .map(p -> CompletableFuture.runAsync(() -> p.stop(STOP_GRACE)))
                    .toList();
        }
        stops.forEach(CompletableFuture::join);
        closeQuietly(keycloak);
        closeQuietly(kafka);
        closeQuietly(postgres);
        try {
            Files.deleteIfExists(home.stateFile());
        } catch (IOException ignored) {
            // A stale state file names a dead launcher pid; status and down recognise that.
        }
        out.println("Stopped.");
        stopped.countDown();
    }

    private void progress(Instant started, String message) {
        out.printf("[%5.1fs] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, message);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping " + closeable + ": " + e.getMessage());
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
