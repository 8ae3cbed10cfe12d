package dev.opsledger.release.release.persistence;

import dev.opsledger.release.release.command.ReleaseVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Version claims in {@code release_version}, in the creating command's transaction (ADR 003). */
@Component
class JdbcReleaseVersions implements ReleaseVersions {

    private final JdbcClient jdbc;

    JdbcReleaseVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name claim is written with the registration, so it is as current as the event store. */
    @Override
    public boolean applicationExists(String applicationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM application_name WHERE application_id = ?)")
                .param(applicationId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean claim(String applicationId, String version, String releaseId) {
        // A concurrent claim of the same version blocks here until it commits, then this inserts nothing.
        return jdbc.sql("""
                        INSERT INTO release_version (application_id, version, release_id) VALUES (?, ?, ?)
                        ON CONFLICT (application_id, version) DO NOTHING""")
                .params(applicationId, version, releaseId)
                .update() == 1;
    }
}
