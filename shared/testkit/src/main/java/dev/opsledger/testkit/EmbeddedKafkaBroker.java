package dev.opsledger.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;

/**
 * A single Kafka node in KRaft mode (broker and controller in one), running inside this JVM on 127.0.0.1.
 * {@link #start()} uses a temporary directory, deleted when it stops; {@link #start(Path, int)} keeps
 * topics and offsets in a directory between runs, for the devstack.
 *
 * <p>Plain by default, as the tests' shared broker: no credentials, no ACLs. {@link #startSecured} is the
 * devstack's broker (and the one of the tests that prove its security, ADR 063): clients authenticate with
 * SASL/SCRAM-SHA-512 on the client port, the {@code StandardAuthorizer} denies whatever no ACL allows, and
 * only {@link KafkaAccessControl#SUPER_USER} is above the ACLs. The super user talks to the broker on a second
 * listener with SASL/PLAIN (its password lives in the broker's own configuration, so nothing has to be
 * stored in the cluster first, and a storage formatted before security was switched on still starts); the
 * controller listener uses the same. SCRAM credentials of the clients are then created through that listener.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, Object> adminProperties;
    private final Path temporaryDirectory;
    private final StopOnce stopOnce;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Map<String, Object> adminProperties,
                                Path temporaryDirectory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminProperties = Map.copyOf(adminProperties);
        this.temporaryDirectory = temporaryDirectory;
        this.stopOnce = new StopOnce("kafka", this::stop);
    }

    /** A broker on a free port with a temporary directory. */
    public static EmbeddedKafkaBroker start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("opsledger-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(directory, Ports.freePort(), null, directory);
    }

    /**
     * A broker with SASL/SCRAM and ACLs (see the class comment) on a free port with a temporary directory;
     * no principal but the super user may do anything until ACLs are added ({@link KafkaAccessControl#apply}).
     *
     * @param superUserPassword the password of {@link KafkaAccessControl#SUPER_USER}
     */
    public static EmbeddedKafkaBroker startSecured(String superUserPassword) {
        Path directory;
        try {
            directory = Files.createTempDirectory("opsledger-kafka-secured-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(directory, Ports.freePort(), requireSafe(superUserPassword), directory);
    }

    /** A secured broker (see {@link #startSecured(String)}) keeping its data in {@code directory}, for the devstack. */
    public static EmbeddedKafkaBroker startSecured(Path directory, int port, String superUserPassword) {
        return start(directory.toAbsolutePath(), port, requireSafe(superUserPassword), null);
    }

    /**
     * A broker listening on {@code port} whose configuration and logs live in {@code directory}:
     * the storage is formatted on first use and reused on later starts.
     */
    public static EmbeddedKafkaBroker start(Path directory, int port) {
        return start(directory.toAbsolutePath(), port, null, null);
    }

    private static EmbeddedKafkaBroker start(Path directory, int port, String superUserPassword, Path temporaryDirectory) {
        // The controller port is internal to this single node, so it may change from run to run.
        int controllerPort = Ports.freePort();
        Path logs = directory.resolve("logs");
        Properties config = config(logs, port, controllerPort);
        String bootstrapServers = HOST + ":" + port;
        Map<String, Object> adminProperties = new HashMap<>();
        adminProperties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (superUserPassword != null) {
            int adminPort = Ports.freePort();
            secure(config, port, adminPort, controllerPort, superUserPassword);
            adminProperties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + adminPort);
            adminProperties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            adminProperties.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            adminProperties.put(SaslConfigs.SASL_JAAS_CONFIG, plainLogin(superUserPassword, false));
        }
        Path configFile = directory.resolve("server.properties");
        try {
            Files.createDirectories(logs);
            try (OutputStream out = Files.newOutputStream(configFile)) {
                config.store(out, "written by the OpsLedger testkit on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka directory " + directory, e);
        }
        // A directory formatted by an earlier run keeps its cluster id and data; formatting it again with
        // a new cluster id would fail even with --ignore-formatted.
        if (!Files.exists(logs.resolve("meta.properties"))) {
            format(configFile);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrapServers, adminProperties, temporaryDirectory);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static Properties config(Path logs, int port, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        // A static quorum: the storage is formatted without --standalone, which would clash with this.
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logs.toString());
        config.put("num.partitions", "1");
        config.put("auto.create.topics.enable", "true");
        // One node cannot replicate: without these, consumer groups and transactional producers wait forever.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("min.insync.replicas", "1");
        config.put("default.replication.factor", "1");
        // Consumers in tests join immediately instead of after the 3 s default delay.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.flush.interval.messages", "1");
        return config;
    }

    /**
     * Listeners: CLIENT (the port clients know; SCRAM-SHA-512), ADMIN (the super user's, PLAIN, also between
     * broker and itself) and CONTROLLER (PLAIN: KRaft cannot authenticate controllers with SCRAM, whose
     * credentials live in the metadata the controller serves).
     */
    private static void secure(Properties config, int port, int adminPort, int controllerPort, String superUserPassword) {
        config.put("listeners", "CLIENT://" + HOST + ":" + port + ",ADMIN://" + HOST + ":" + adminPort
                + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "CLIENT://" + HOST + ":" + port + ",ADMIN://" + HOST + ":" + adminPort);
        config.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,ADMIN:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.put("inter.broker.listener.name", "ADMIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name.client.sasl.enabled.mechanisms", KafkaAccessControl.MECHANISM);
        config.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        for (String listener : List.of("admin", "controller")) {
            config.put("listener.name." + listener + ".sasl.enabled.mechanisms", "PLAIN");
            config.put("listener.name." + listener + ".plain.sasl.jaas.config", plainLogin(superUserPassword, true));
        }
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + KafkaAccessControl.SUPER_USER);
        config.put("allow.everyone.if.no.acl.found", "false");
        // Only the super user creates topics: a client's typo must not create one (and can't, without CREATE).
        config.put("auto.create.topics.enable", "false");
    }

    /** The super user's PLAIN login; as the server's JAAS entry it also declares the one user PLAIN accepts. */
    private static String plainLogin(String password, boolean server) {
        String user = KafkaAccessControl.SUPER_USER;
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\"" + (server ? " user_" + user + "=\"" + password + "\"" : "") + ";";
    }

    private static String requireSafe(String password) {
        if (password == null || !password.matches("[A-Za-z0-9_.~+/=-]{16,}")) {
            // It goes into JAAS strings; and a short one is no protection.
            throw new IllegalArgumentException("the super user's password must be 16+ URL-safe characters");
        }
        return password;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {
            "format",
            "--cluster-id", Uuid.randomUuid().toString(),
            "--config", configFile.toString()
        };
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting Kafka storage failed: " + e.getMessage() + " "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + exitCode + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = KafkaTopics.admin(adminProperties)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka at " + bootstrapServers + " not ready within " + READY_TIMEOUT, notYet);
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka at " + bootstrapServers + " has no broker after " + READY_TIMEOUT);
                }
                Deadlines.pause(Duration.ofMillis(100));
            }
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client settings of the super user: the plain client port, or the ADMIN listener of a secured broker. */
    @Override
    public Map<String, Object> adminProperties() {
        return adminProperties;
    }

    @Override
    public void close() {
        stopOnce.stop();
    }

    private void stop() {
        server.shutdown();
        server.awaitShutdown();
        if (temporaryDirectory != null) {
            deleteRecursively(temporaryDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless; the OS cleans /tmp.
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers + "]";
    }
}
