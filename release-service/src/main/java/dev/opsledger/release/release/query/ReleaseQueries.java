package dev.opsledger.release.release.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.contracts.Person;
import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code release_view}. */
@Component
public class ReleaseQueries {

    private final JdbcClient jdbc;

    ReleaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; all applications when {@code applicationId} is null. */
    /** Newest first; the page after {@code after} (its creation time and id), {@code limit + 1} rows. */
    public Page<ReleaseView> findAll(String applicationId, Cursor after, int limit) {
        List<ReleaseView> rows = jdbc.sql("""
                        SELECT * FROM release_view WHERE (CAST(? AS TEXT) IS NULL OR application_id = ?)
                          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR (created_at, release_id) < (?, ?))
                        ORDER BY created_at DESC, release_id DESC LIMIT ?""")
                .params(applicationId, applicationId, after == null ? null : utc(after.instant(0)),
                        after == null ? null : utc(after.instant(0)), after == null ? null : after.text(1), limit + 1)
                .query(ReleaseQueries::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.createdAt(), view.releaseId()));
    }

    public Optional<ReleaseView> find(String releaseId) {
        return jdbc.sql("SELECT * FROM release_view WHERE release_id = ?").param(releaseId)
                .query(ReleaseQueries::view).optional();
    }

    private static ReleaseView view(ResultSet row, int rowNumber) throws SQLException {
        return new ReleaseView(row.getString("release_id"), row.getString("application_id"), row.getString("version"),
                row.getString("commit_sha"), row.getString("artifact_reference"), row.getString("notes"),
                Person.orNull(row.getString("created_by_id"), row.getString("created_by")), row.getTimestamp("created_at").toInstant());
    }
}
