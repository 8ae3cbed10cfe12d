package dev.opsledger.benchmarks;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * P4: {@code GET /audit?actor=…&from=…&to=…} (first page, the default 50 entries) straight to the
 * service, at growing sizes of {@code audit_log}. A bulk loader writes synthetic rows with SQL
 * ({@code generate_series}) at a constant density: {@value #ROWS_PER_DAY} rows a day from 100
 * actors, so more rows means a longer history, as it does in production. The rows sit far above
 * any real global index, so the service's own projection never meets them.
 */
final class AuditQuery {

    static final int ROWS_PER_DAY = 10_000;
    static final int ACTORS = 100;
    private static final long FIRST_INDEX = 1_000_000_000_000L;
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final ServiceRig rig;
    private long loaded;

    AuditQuery(ServiceRig rig) {
        this.rig = rig;
    }

    long loaded() {
        return loaded;
    }

    /**
     * Adds rows until the synthetic history holds {@code total}; answers the seconds it took. As
     * {@code pg_restore} does, the secondary indexes are dropped for the load and built again after it
     * (one sort each instead of a random B-tree insert per row and index): with them in place the loader
     * wrote 8,000–18,000 rows/s, too slow for 10M rows within the run's bound. The primary key stays;
     * its keys arrive in order. The indexes come back exactly as the migrations defined them.
     */
    double loadUpTo(long total) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = rig.connect(); Statement statement = connection.createStatement()) {
            List<String> rebuild = new ArrayList<>();
            try (ResultSet indexes = statement.executeQuery("""
                    SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_log'
                      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'audit_log'::regclass)""")) {
                while (indexes.next()) {
                    rebuild.add(indexes.getString(2));
                    statement.addBatch("DROP INDEX " + indexes.getString(1));
                }
            }
            statement.executeBatch();
            // Chunks of a million: one statement per chunk keeps each transaction's WAL bounded.
            while (loaded < total) {
                long chunk = Math.min(1_000_000, total - loaded);
                statement.execute("""
                        INSERT INTO audit_log (global_index, event_id, event_time, actor_id, actor_name, aggregate_type,
                            aggregate_id, aggregate_sequence, event_type, payload_summary, correlation_id, causation_id,
                            previous_hash, hash)
                        SELECT %d + i, md5(i::text), timestamptz '%s' + (i * interval '1 second' * 86400 / %d),
                            'actor-' || (i %% %d), 'user' || (i %% %d), 'Release', 'agg-' || (i / 7), i %% 7,
                            'ReleaseCreated', '{"releaseId":"' || md5(i::text) || '","version":"1.' || (i %% 1000) || '.0"}',
                            md5((i / 3)::text), md5((i - 1)::text), md5((i - 1)::text) || md5(i::text),
                            md5(i::text) || md5((i + 1)::text)
                        FROM generate_series(%d, %d) AS s(i)
                        """.formatted(FIRST_INDEX, EPOCH, ROWS_PER_DAY, ACTORS, ACTORS, loaded, loaded + chunk - 1));
                loaded += chunk;
            }
            statement.execute("SET maintenance_work_mem = '256MB'");
            for (String index : rebuild) {
                statement.execute(index);
            }
            statement.execute("ANALYZE audit_log");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Days the synthetic history covers. */
    long days() {
        return loaded / ROWS_PER_DAY;
    }

    record Outcome(Latencies latencies, int entriesOnFirstPage, String plan) {
    }

    /** Queries for one actor over a week somewhere in the history (a different week and actor each time). */
    Outcome measure(int warmUp, int samples) throws Exception {
        String token = rig.token("audit1", "auditor");
        Random random = new Random(42);
        Latencies latencies = new Latencies();
        int entries = -1;
        String lastQuery = null;
        for (int i = 0; i < warmUp + samples; i++) {
            int actor = random.nextInt(ACTORS);
            Instant from = EPOCH.plus(Duration.ofDays(random.nextLong(Math.max(1, days() - 7))));
            Instant to = from.plus(Duration.ofDays(7));
            String query = "actor=" + enc("actor-" + actor) + "&from=" + enc(from.toString()) + "&to=" + enc(to.toString());
            long sent = System.nanoTime();
            HttpResponse<String> response = rig.http.send(HttpLoad.request(rig.url("/audit?" + query),
                    token).GET().build());
            long took = System.nanoTime() - sent;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("audit query answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= warmUp) {
                latencies.add(took);
            }
            entries = count(response.body());
            lastQuery = "'actor-" + actor + "', '" + from + "', '" + to + "'";
        }
        return new Outcome(latencies, entries, explain(lastQuery));
    }

    private static int count(String body) {
        int entries = 0;
        for (int at = body.indexOf("\"globalIndex\""); at >= 0; at = body.indexOf("\"globalIndex\"", at + 1)) {
            entries++;
        }
        return entries;
    }

    /**
     * The SQL {@code AuditLogRepository.find} sends for an actor and a time range (kept in step with it by
     * hand: the runner does not depend on the platform), with the limit of one page plus one.
     */
    static String repositorySql(String actor, String from, String to) {
        String filters = " AND event_time >= " + from + " AND event_time < " + to;
        String page = " ORDER BY event_time, global_index LIMIT 51";
        return "SELECT * FROM ("
                + "(SELECT * FROM audit_log WHERE actor_id = " + actor + filters + page + ") UNION ALL "
                + "(SELECT * FROM audit_log WHERE actor_name = " + actor + " AND actor_id IS DISTINCT FROM " + actor
                + filters + page + ")) AS by_actor" + page;
    }

    /** The plan of the repository's SQL for the last sample. */
    private String explain(String arguments) throws Exception {
        String[] a = arguments.split(", ");
        List<String> lines = new ArrayList<>();
        try (Connection connection = rig.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
                     + repositorySql(a[0], a[1], a[2]))) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The same SQL alone, as a prepared statement on one connection (as the service's pool reuses them), for
     * the same kind of samples: how much of the HTTP figure is the database's.
     */
    Latencies sqlAlone(int warmUp, int samples) throws Exception {
        Random random = new Random(7);
        Latencies latencies = new Latencies();
        try (Connection connection = rig.connect();
             java.sql.PreparedStatement query = connection.prepareStatement(repositorySql("?", "?", "?"))) {
            for (int i = 0; i < warmUp + samples; i++) {
                String actor = "actor-" + random.nextInt(ACTORS);
                Instant from = EPOCH.plus(Duration.ofDays(random.nextLong(Math.max(1, days() - 7))));
                var fromTs = from.atOffset(java.time.ZoneOffset.UTC);
                var toTs = fromTs.plusDays(7);
                // Parameters in the order they appear: actor, from, to (branch 1), actor, actor, from, to (branch 2).
                Object[] values = {actor, fromTs, toTs, actor, actor, fromTs, toTs};
                for (int p = 0; p < values.length; p++) {
                    query.setObject(p + 1, values[p]);
                }
                long start = System.nanoTime();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getString("hash");
                    }
                }
                if (i >= warmUp) {
                    latencies.add(System.nanoTime() - start);
                }
            }
        }
        return latencies;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
