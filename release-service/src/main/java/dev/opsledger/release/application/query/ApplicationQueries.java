package dev.opsledger.release.application.query;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.release.application.api.EnvironmentRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code application_view}. */
@Component
public class ApplicationQueries {

    private static final TypeReference<List<EnvironmentRules>> ENVIRONMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** By name; the page after {@code after} (its name and id), {@code limit + 1} rows. */
    public Page<ApplicationView> findAll(Cursor after, int limit) {
        List<ApplicationView> rows = jdbc.sql("""
                        SELECT * FROM application_view
                        WHERE (CAST(? AS TEXT) IS NULL OR (name, application_id) > (?, ?))
                        ORDER BY name, application_id LIMIT ?""")
                .params(after == null ? null : after.text(0), after == null ? null : after.text(0),
                        after == null ? null : after.text(1), limit + 1)
                .query(this::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.name(), view.applicationId()));
    }

    public Optional<ApplicationView> find(String applicationId) {
        return jdbc.sql("SELECT * FROM application_view WHERE application_id = ?").param(applicationId)
                .query(this::view).optional();
    }

    private ApplicationView view(ResultSet row, int rowNumber) throws SQLException {
        return new ApplicationView(row.getString("application_id"), row.getString("name"),
                row.getString("owning_team"), row.getString("repository_url"), row.getInt("lifecycle_version"),
                json.readValue(row.getString("lifecycle"), ENVIRONMENTS),
                row.getTimestamp("registered_at").toInstant());
    }
}
