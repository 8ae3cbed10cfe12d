package dev.opsledger.release.promotion.persistence;

import dev.opsledger.platform.axon.Aggregates;
import dev.opsledger.platform.persistence.ClaimTable;
import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.application.command.Application;
import dev.opsledger.release.application.command.ApplicationSnapshot;
import dev.opsledger.release.promotion.command.PromotionContext;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.release.command.Release;
import dev.opsledger.release.release.command.ReleaseSnapshot;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the release and application aggregates from the event store (not from projections,
 * which may lag) and claims the environment in {@code active_promotion}, all inside the unit of
 * work and transaction of the promotion being created.
 */
@Component
class AggregatePromotionContext implements PromotionContext {

    private final Repository<Release> releases;
    private final Repository<Application> applications;
    private final ClaimTable activePromotions;

    AggregatePromotionContext(Repository<Release> releases, Repository<Application> applications, JdbcClient jdbc) {
        this.releases = releases;
        this.applications = applications;
        this.activePromotions = ActivePromotionClaims.table(jdbc);
    }

    @Override
    public ReleaseSnapshot release(String releaseId) {
        return Aggregates.stateOf(releases, releaseId, Release::snapshot, ReleaseCodes.NOT_FOUND, "release");
    }

    @Override
    public ApplicationSnapshot application(String applicationId) {
        return Aggregates.stateOf(applications, applicationId, Application::snapshot, ApplicationCodes.NOT_FOUND,
                "application");
    }

    @Override
    public boolean claimEnvironment(String applicationId, String environment, String promotionId) {
        return activePromotions.claim(promotionId, applicationId, environment);
    }
}
