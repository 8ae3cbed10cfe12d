package dev.opsledger.release.support;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.command.ApplicationSnapshot;
import dev.opsledger.release.application.command.DeploymentHistory;
import dev.opsledger.release.promotion.command.PromotionContext;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.release.command.ReleaseSnapshot;
import java.util.HashMap;
import java.util.Map;

/** An in-memory stand-in for the aggregates and the claim table a promotion consults. */
public final class FakePromotionContext implements PromotionContext {

    private final Map<String, ReleaseSnapshot> releases = new HashMap<>();
    private final Map<String, ApplicationSnapshot> applications = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();

    public FakePromotionContext withRelease(String releaseId, String applicationId, String version) {
        releases.put(releaseId, new ReleaseSnapshot(releaseId, applicationId, version,
                "0123456789abcdef0123456789abcdef01234567", "registry.example/app:" + version));
        return this;
    }

    public FakePromotionContext withApplication(String applicationId, Lifecycle lifecycle, DeploymentHistory history) {
        applications.put(applicationId, new ApplicationSnapshot(applicationId, 1, lifecycle, history));
        return this;
    }

    public FakePromotionContext withClaim(String applicationId, String environment, String promotionId) {
        claims.put(applicationId + "/" + environment, promotionId);
        return this;
    }

    public String claimOf(String applicationId, String environment) {
        return claims.get(applicationId + "/" + environment);
    }

    @Override
    public ReleaseSnapshot release(String releaseId) {
        ReleaseSnapshot release = releases.get(releaseId);
        if (release == null) {
            throw BusinessRuleViolation.notFound(ReleaseCodes.NOT_FOUND, "No release " + releaseId);
        }
        return release;
    }

    @Override
    public ApplicationSnapshot application(String applicationId) {
        ApplicationSnapshot application = applications.get(applicationId);
        if (application == null) {
            throw BusinessRuleViolation.notFound(ApplicationCodes.NOT_FOUND, "No application " + applicationId);
        }
        return application;
    }

    @Override
    public boolean claimEnvironment(String applicationId, String environment, String promotionId) {
        return claims.putIfAbsent(applicationId + "/" + environment, promotionId) == null;
    }
}
