package dev.opsledger.release.promotion.persistence;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.command.Application;
import dev.opsledger.release.application.command.ApplicationSnapshot;
import dev.opsledger.release.promotion.command.PromotionContext;
import dev.opsledger.release.release.command.Release;
import dev.opsledger.release.release.command.ReleaseSnapshot;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
    private final JdbcClient jdbc;

    AggregatePromotionContext(Repository<Release> releases, Repository<Application> applications, JdbcClient jdbc) {
        this.releases = releases;
        this.applications = applications;
        this.jdbc = jdbc;
    }

    @Override
    public ReleaseSnapshot release(String releaseId) {
        return load(releases, releaseId, Release::snapshot, RELEASE_NOT_FOUND, "release");
    }

    @Override
    public ApplicationSnapshot application(String applicationId) {
        return load(applications, applicationId, Application::snapshot, APPLICATION_NOT_FOUND, "application");
    }

    @Override
    public boolean claimEnvironment(String applicationId, String environment, String promotionId) {
        return jdbc.sql("""
                        INSERT INTO active_promotion (application_id, environment, promotion_id) VALUES (?, ?, ?)
                        ON CONFLICT (application_id, environment) DO NOTHING""")
                .params(applicationId, environment, promotionId)
                .update() == 1;
    }

    private static <A, S> S load(Repository<A> repository, String id, Function<A, S> snapshot, String code,
                                 String what) {
        try {
            return repository.load(id).invoke(snapshot);
        } catch (AggregateNotFoundException missing) {
            throw BusinessRuleViolation.notFound(code, "No " + what + " with id " + id);
        }
    }
}
