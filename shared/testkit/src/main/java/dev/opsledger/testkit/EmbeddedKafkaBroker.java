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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single Kafka node in KRaft mode (broker and controller in one), running inside this JVM on 127.0.0.1.
 * {@link #start()} uses a temporary directory, deleted when it stops; {@link #start(Path, int)} keeps
 * topics and offsets in a directory between runs, for the devstack.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path temporaryDirectory;
    private final StopOnce stopOnce;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path temporaryDirectory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
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
        return start(directory, Ports.freePort(), directory);
    }

    /**
     * A broker listening on {@code port} whose configuration and logs live in {@code directory}:
     * the storage is formatted on first use and reused on later starts.
     */
    public static EmbeddedKafkaBroker start(Path directory, int port) {
        return start(directory.toAbsolutePath(), port, null);
    }

    private static EmbeddedKafkaBroker start(Path directory, int port, Path temporaryDirectory) {
        // The controller port is internal to this single node, so it may change from run to run.
        int controllerPort = Ports.freePort();
        Path logs = directory.resolve("logs");
        Properties config = config(logs, port, controllerPort);
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
        String bootstrapServers = HOST + ":" + port;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrapServers, temporaryDirectory);
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
        try (Admin admin = KafkaTopics.admin(bootstrapServers)) {
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
