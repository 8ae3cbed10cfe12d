package dev.opsledger.platform.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.opsledger.platform.persistence.SqlIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every read model (a plain table written by a named processing group, STYLE rule 7) does
 * alike: times to and from {@code timestamptz} in UTC, and one reset convention. A projection's
 * {@code @ResetHandler} empties exactly the tables it writes, in one statement, so a replay
 * (reset the group's token) rebuilds them from the first event:
 *
 * <pre>{@code
 * @ResetHandler
 * void reset() {
 *     Projections.reset(jdbc, "promotion_view", "environment_board", "deployment_ledger");
 * }
 * }</pre>
 */
public final class Projections {

    private Projections() {
    }

    /** An instant as PostgreSQL's {@code timestamptz} parameter, independent of the JVM's zone. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column back as an instant; null stays null. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Empties the projection's tables in one statement (the reset convention above). */
    public static void reset(JdbcClient jdbc, String... tables) {
        for (String table : tables) {
            SqlIdentifiers.plain(table);
        }
        jdbc.sql("TRUNCATE " + String.join(", ", tables)).update();
    }
}
