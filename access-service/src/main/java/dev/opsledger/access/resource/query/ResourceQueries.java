package dev.opsledger.access.resource.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code resource_view}. */
@Component
public class ResourceQueries {

    private final JdbcClient jdbc;

    ResourceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ResourceView> find(String resourceId) {
        return jdbc.sql("SELECT * FROM resource_view WHERE resource_id = ?").param(resourceId)
                .query(ResourceQueries::view).optional();
    }

    /** By name, then id. */
    public Page<ResourceView> list(int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        var rows = cursor == null
                ? jdbc.sql("SELECT * FROM resource_view ORDER BY name, resource_id LIMIT ?").param(limit + 1)
                : jdbc.sql("SELECT * FROM resource_view WHERE (name, resource_id) > (?, ?) ORDER BY name, resource_id "
                        + "LIMIT ?").params(cursor.text(0), cursor.text(1), limit + 1);
        return Page.of(rows.query(ResourceQueries::view).list(), limit, v -> Cursor.of(v.name(), v.resourceId()));
    }

    private static ResourceView view(ResultSet row, int rowNumber) throws SQLException {
        Long breakGlassSeconds = (Long) row.getObject("break_glass_duration_s");
        return new ResourceView(row.getString("resource_id"), row.getString("name"), row.getString("description"),
                row.getString("owning_team"), row.getString("kind"), row.getString("target_name"),
                row.getString("deprovision_task"), row.getInt("required_approvals"),
                strings(row.getArray("approver_roles")), row.getBoolean("four_eyes"),
                Duration.ofSeconds(row.getLong("decision_timeout_s")), Duration.ofSeconds(row.getLong("max_duration_s")),
                strings(row.getArray("requester_roles")), strings(row.getArray("break_glass_roles")),
                breakGlassSeconds == null ? null : Duration.ofSeconds(breakGlassSeconds),
                instant(row.getTimestamp("registered_at")), instant(row.getTimestamp("updated_at")));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
