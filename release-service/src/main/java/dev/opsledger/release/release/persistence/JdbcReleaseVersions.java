package dev.opsledger.release.release.persistence;

import dev.opsledger.platform.persistence.ClaimTable;
import dev.opsledger.release.release.command.ReleaseVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Version claims in {@code release_version}, in the creating command's transaction (ADR 003). */
@Component
class JdbcReleaseVersions implements ReleaseVersions {

    private final ClaimTable applicationNames;
    private final ClaimTable versions;

    JdbcReleaseVersions(JdbcClient jdbc) {
        this.applicationNames = ClaimTable.of(jdbc, "application_name").keyedBy("name").heldBy("application_id");
        this.versions = ClaimTable.of(jdbc, "release_version").keyedBy("application_id", "version").heldBy("release_id");
    }

    /** The name claim is written with the registration, so it is as current as the event store. */
    @Override
    public boolean applicationExists(String applicationId) {
        return applicationNames.holds(applicationId);
    }

    @Override
    public boolean claim(String applicationId, String version, String releaseId) {
        return versions.claim(releaseId, applicationId, version);
    }
}
