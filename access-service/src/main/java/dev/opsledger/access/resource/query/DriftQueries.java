package dev.opsledger.access.resource.query;

import static dev.opsledger.platform.query.Projections.instant;
import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code access_drift_view}. */
@Component
public class DriftQueries {

    private final JdbcClient jdbc;

    DriftQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; with {@code openOnly}, only the drift that lasts. */
    public Page<DriftView> ofResource(String resourceId, boolean openOnly, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 3);
        String open = openOnly ? " AND resolved_at IS NULL" : "";
        var spec = cursor == null
                ? jdbc.sql("SELECT * FROM access_drift_view WHERE resource_id = ?" + open
                        + " ORDER BY detected_at DESC, user_id DESC, kind DESC LIMIT ?").params(resourceId, limit + 1)
                : jdbc.sql("SELECT * FROM access_drift_view WHERE resource_id = ?" + open
                        + " AND (detected_at, user_id, kind) < (?, ?, ?)"
                        + " ORDER BY detected_at DESC, user_id DESC, kind DESC LIMIT ?")
                .params(resourceId, utc(cursor.instant(0)), cursor.text(1), cursor.text(2), limit + 1);
        return Page.of(spec.query(DriftQueries::view).list(), limit,
                v -> Cursor.of(v.detectedAt(), v.userId(), v.kind()));
    }

    private static DriftView view(ResultSet row, int n) throws SQLException {
        return new DriftView(row.getString("resource_id"), row.getString("user_id"), row.getString("kind"),
                row.getBoolean("removing"), instant(row.getTimestamp("detected_at")),
                instant(row.getTimestamp("removed_at")), instant(row.getTimestamp("resolved_at")));
    }
}
