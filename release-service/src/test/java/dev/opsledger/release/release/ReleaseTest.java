package dev.opsledger.release.release;

import static dev.opsledger.testkit.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.release.api.CommitSha;
import dev.opsledger.release.release.api.CreateRelease;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.release.api.ReleaseCreated;
import dev.opsledger.release.release.api.SemanticVersion;
import dev.opsledger.release.release.command.Release;
import dev.opsledger.release.release.command.ReleaseVersions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    private static final String APP = "app-1";
    private static final String SHA = "0123abcd0123abcd0123abcd0123abcd0123abcd";

    private final Map<String, String> versions = new HashMap<>();
    private final Set<String> applications = Set.of(APP);
    private AggregateTestFixture<Release> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Release.class);
        fixture.registerInjectableResource(new ReleaseVersions() {
            @Override
            public boolean applicationExists(String applicationId) {
                return applications.contains(applicationId);
            }

            @Override
            public boolean claim(String applicationId, String version, String releaseId) {
                return versions.putIfAbsent(applicationId + "/" + version, releaseId) == null;
            }
        });
    }

    @Test
    void givenApplication_whenCreateRelease_thenCreatedAndVersionClaimed() {
        fixture.givenNoPriorActivity()
                .when(new CreateRelease("rel-1", APP, "1.4.0+build.7", SHA.toUpperCase(), "registry/billing:1.4.0",
                        "First cut"))
                .expectEvents(new ReleaseCreated("rel-1", APP, "1.4.0+build.7", SHA, "registry/billing:1.4.0",
                        "First cut"));
        assertThat(versions).containsEntry(APP + "/1.4.0", "rel-1");
    }

    @Test
    void givenVersionTaken_whenCreateSameVersionWithOtherBuild_thenVersionTakenAndNoEvent() {
        versions.put(APP + "/1.4.0", "rel-0");
        fixture.givenNoPriorActivity()
                .when(new CreateRelease("rel-1", APP, "1.4.0+build.8", SHA, "registry/billing:1.4.0", null))
                .expectException(violation(ReleaseCodes.VERSION_TAKEN))
                .expectNoEvents();
    }

    @Test
    void givenUnknownApplication_whenCreateRelease_thenApplicationNotFoundAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateRelease("rel-1", "app-x", "1.0.0", SHA, "registry/x:1.0.0", null))
                .expectException(violation(ApplicationCodes.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenInvalidVersion_whenCreateRelease_thenInvalidVersionAndNothingClaimed() {
        fixture.givenNoPriorActivity()
                .when(new CreateRelease("rel-1", APP, "1.4", SHA, "registry/billing:1.4", null))
                .expectException(violation(SemanticVersion.INVALID))
                .expectNoEvents();
        assertThat(versions).isEmpty();
    }

    @Test
    void givenInvalidCommit_whenCreateRelease_thenInvalidCommitAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateRelease("rel-1", APP, "1.4.0", "not-a-sha", "registry/billing:1.4.0", null))
                .expectException(violation(CommitSha.INVALID))
                .expectNoEvents();
    }

    @Test
    void givenNoArtifact_whenCreateRelease_thenInvalidArtifactAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateRelease("rel-1", APP, "1.4.0", SHA, "", null))
                .expectException(violation(ReleaseCodes.INVALID_ARTIFACT))
                .expectNoEvents();
    }
}
