package dev.opsledger.backup.target.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code target_view}, by name. */
@Component
public class TargetQueries {

    private final JdbcClient jdbc;

    TargetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TargetView> find(String targetId) {
        return jdbc.sql("SELECT * FROM target_view WHERE target_id = ?").param(targetId).query(TargetQueries::view)
                .optional();
    }

    public Page<TargetView> page(int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        List<TargetView> rows = cursor == null
                ? jdbc.sql("SELECT * FROM target_view ORDER BY name, target_id LIMIT ?").param(limit + 1)
                        .query(TargetQueries::view).list()
                : jdbc.sql("SELECT * FROM target_view WHERE (name, target_id) > (?, ?) ORDER BY name, target_id LIMIT ?")
                        .params(cursor.text(0), cursor.text(1), limit + 1).query(TargetQueries::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.name(), view.targetId()));
    }

    /** Every target, for the sufficiency report and its check. */
    public List<TargetView> all() {
        return jdbc.sql("SELECT * FROM target_view ORDER BY name").query(TargetQueries::view).list();
    }

    private static TargetView view(ResultSet row, int rowNumber) throws SQLException {
        return new TargetView(row.getString("target_id"), row.getString("name"), row.getString("kind"),
                row.getString("host"), (Integer) row.getObject("port"), row.getString("database"),
                row.getString("credentials_ref"), row.getString("path"), row.getString("sufficiency"),
                row.getString("registered_by"), instant(row.getTimestamp("registered_at")));
    }
}
