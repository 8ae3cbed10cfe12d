package dev.opsledger.release.release.query;

import dev.opsledger.contracts.Person;
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
    public List<ReleaseView> findAll(String applicationId) {
        return jdbc.sql("""
                        SELECT * FROM release_view WHERE (CAST(? AS TEXT) IS NULL OR application_id = ?)
                        ORDER BY created_at DESC, release_id""")
                .params(applicationId, applicationId)
                .query(ReleaseQueries::view).list();
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
