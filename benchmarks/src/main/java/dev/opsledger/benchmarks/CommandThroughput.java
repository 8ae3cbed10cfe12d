package dev.opsledger.benchmarks;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P1: commands through the public API, 16 clients each on its own aggregate, counted as rows that
 * arrived in {@code domain_event_entry}; against 16 JDBC clients inserting the same rows (same
 * payload and metadata bytes, one row per transaction) into the same PostgreSQL.
 */
final class CommandThroughput {

    static final int CLIENTS = 16;
    // Two environments: a small lifecycle, as most applications have.
    private static final String LIFECYCLE = """
            {"environments":[{"name":"dev"},{"name":"qa","resultTimeout":"PT4H"}]}""";

    private final ServiceRig rig;
    private final Duration warmUp;
    private final Duration measure;

    CommandThroughput(ServiceRig rig, Duration warmUp, Duration measure) {
        this.rig = rig;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    /**
     * {@code serviceCpuPerEvent} and {@code postgresCpuPerEvent} in ms, {@code commitsPerEvent} from
     * PostgreSQL's own counter: what each stored event costs, whatever share of the machine we got.
     */
    record Outcome(double eventsPerSecond, HttpLoad.Result load, long stored, double serviceCpuPerEvent,
                   double postgresCpuPerEvent, double commitsPerEvent, String serviceCpuByKind) {
    }

    record Baseline(double rowsPerSecond, double postgresCpuPerRow, double commitsPerRow) {
    }

    Outcome commands(String label) throws Exception {
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            applications.add(rig.registerApplication("p1-" + label + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        String token = rig.token("rm1", "release-manager");
        java.util.function.IntFunction<HttpRequest> define = client -> HttpLoad
                .request(rig.url("/applications/" + applications.get(client) + "/lifecycle"), token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(LIFECYCLE)).build();
        rig.http.run(CLIENTS, warmUp, define);
        long before = rig.count("SELECT count(*) FROM domain_event_entry");
        long commitsBefore = rig.commits("release");
        long serviceCpu = Rss.cpuMillis(Rss.treeOf(rig.servicePid()));
        java.util.Map<String, Long> byKind = Rss.cpuByThreadKind(rig.servicePid());
        long postgresCpu = rig.postgresCpuMillis();
        HttpLoad.Result result;
        try (AutoCloseable dumps = ThreadDumps.during(rig.servicePid(), rig.work.resolve("thread-dumps"), "p1-" + label)) {
            result = rig.http.run(CLIENTS, measure, define);
        }
        long serviceCpuUsed = Rss.cpuMillis(Rss.treeOf(rig.servicePid())) - serviceCpu;
        StringBuilder kinds = new StringBuilder();
        long storedEvents = Math.max(1, rig.count("SELECT count(*) FROM domain_event_entry") - before);
        Rss.cpuByThreadKind(rig.servicePid()).forEach((kind, millis) -> kinds.append(kinds.isEmpty() ? "" : ", ")
                .append(Results.f("%s %.1f", kind, (double) (millis - byKind.getOrDefault(kind, 0L)) / storedEvents)));
        long postgresCpuUsed = rig.postgresCpuMillis() - postgresCpu;
        long after = rig.count("SELECT count(*) FROM domain_event_entry");
        long commits = rig.commits("release") - commitsBefore;
        long stored = Math.max(1, after - before);
        return new Outcome(stored / (result.elapsed().toNanos() / 1e9), result, after - before,
                (double) serviceCpuUsed / stored, (double) postgresCpuUsed / stored, (double) commits / stored,
                kinds.toString());
    }

    /** The same rows, inserted with plain JDBC into a database with the platform's own event table. */
    Baseline rawJdbcInserts() throws Exception {
        var baseline = rig.postgres.recreateDatabase("p1_baseline");
        byte[][] row = sampleRow();
        String ddl = Files.readString(rig.root.resolve(
                "shared/platform/src/main/resources/db/migration/platform/V1__axon_tables.sql"));
        try (Connection connection = java.sql.DriverManager.getConnection(baseline.jdbcUrl(), baseline.username(),
                baseline.password()); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
        String payloadType = new String(row[2]);
        String type = new String(row[3]);
        runInserts(baseline, row, payloadType, type, warmUp);
        long commitsBefore = rig.commits("p1_baseline");
        long postgresCpu = rig.postgresCpuMillis();
        long start = System.nanoTime();
        long inserted = Math.max(1, runInserts(baseline, row, payloadType, type, measure));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Baseline(inserted / seconds, (double) (rig.postgresCpuMillis() - postgresCpu) / inserted,
                (double) (rig.commits("p1_baseline") - commitsBefore) / inserted);
    }

    private long runInserts(dev.opsledger.testkit.PostgresDatabase baseline, byte[][] row, String payloadType,
                            String type, Duration duration) throws InterruptedException {
        AtomicLong inserted = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                String aggregate = UUID.randomUUID().toString();
                try (Connection connection = java.sql.DriverManager.getConnection(baseline.jdbcUrl(),
                        baseline.username(), baseline.password());
                     PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                 type, time_stamp, payload_type, payload_revision, payload, meta_data)
                             VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""")) {
                    long sequence = 0;
                    while (System.nanoTime() < end) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, sequence++);
                        insert.setString(4, type);
                        insert.setString(5, Instant.now().toString());
                        insert.setString(6, payloadType);
                        insert.setBytes(7, row[0]);
                        insert.setBytes(8, row[1]);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return inserted.get();
    }

    /** Payload, metadata, payload type and aggregate type of a stored LifecycleDefined event. */
    private byte[][] sampleRow() throws Exception {
        try (Connection connection = rig.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT payload, meta_data, payload_type, type FROM domain_event_entry
                     WHERE payload_type LIKE '%LifecycleDefined' ORDER BY global_index DESC LIMIT 1""")) {
            if (!rows.next()) {
                throw new IllegalStateException("no LifecycleDefined event stored: run the commands first");
            }
            return new byte[][] {rows.getBytes(1), rows.getBytes(2), rows.getString(3).getBytes(), rows.getString(4).getBytes()};
        }
    }
}
