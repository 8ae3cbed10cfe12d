package dev.opsledger.release.release.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.release.api.CommitSha;
import dev.opsledger.release.release.api.CreateRelease;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.release.api.ReleaseCreated;
import dev.opsledger.release.release.api.SemanticVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A build of an application, identified by its SemVer version. Promotions move it through environments. */
@Aggregate
public class Release {


    @AggregateIdentifier
    private String releaseId;
    private String applicationId;
    private String version;
    private String commitSha;
    private String artifactReference;

    protected Release() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Release(CreateRelease command, ReleaseVersions versions) {
        SemanticVersion version = SemanticVersion.parse(command.version());
        CommitSha commit = new CommitSha(command.commitSha());
        if (command.artifactReference() == null || command.artifactReference().isBlank()) {
            throw BusinessRuleViolation.unprocessable(ReleaseCodes.INVALID_ARTIFACT, "A release needs an artifact reference");
        }
        if (!versions.applicationExists(command.applicationId())) {
            throw BusinessRuleViolation.notFound(ApplicationCodes.NOT_FOUND,
                    "No application with id " + command.applicationId());
        }
        // Build metadata does not make a new version (SemVer 2.0 §10), so the claim is on the identity.
        if (!versions.claim(command.applicationId(), version.identity(), command.releaseId())) {
            throw BusinessRuleViolation.conflict(ReleaseCodes.VERSION_TAKEN,
                    "Version " + version.identity() + " of this application exists already");
        }
        apply(new ReleaseCreated(command.releaseId(), command.applicationId(), version.toString(), commit.value(),
                command.artifactReference(), command.notes()));
    }

    public ReleaseSnapshot snapshot() {
        return new ReleaseSnapshot(releaseId, applicationId, version, commitSha, artifactReference);
    }

    @EventSourcingHandler
    void on(ReleaseCreated event) {
        releaseId = event.releaseId();
        applicationId = event.applicationId();
        version = event.version();
        commitSha = event.commitSha();
        artifactReference = event.artifactReference();
    }
}
