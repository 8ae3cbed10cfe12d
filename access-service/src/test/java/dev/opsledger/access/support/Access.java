package dev.opsledger.access.support;

import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.command.AccessContext;
import dev.opsledger.access.grant.command.GrantSnapshot;
import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.BreakGlass;
import dev.opsledger.access.resource.command.ResourceSnapshot;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** People, a resource and an in-memory {@link AccessContext} for fixture tests. */
public final class Access {

    public static final Instant MONDAY = Instant.parse("2025-03-03T09:00:00Z");
    public static final Actor DEV = new Actor("u-dev1", "dev1", Set.of("developer"));
    public static final Actor DEV2 = new Actor("u-dev2", "dev2", Set.of("developer"));
    public static final Actor APPROVER = new Actor("u-appr1", "appr1", Set.of("approver"));
    public static final Actor APPROVER2 = new Actor("u-appr2", "appr2", Set.of("approver"));
    public static final Actor ADMIN = new Actor("u-admin1", "admin1", Set.of("admin", "approver"));
    public static final Actor AUDITOR = new Actor("u-audit1", "audit1", Set.of("auditor"));
    public static final String RESOURCE = "res-1";
    public static final AccessTarget ROLE = AccessTarget.realmRole("prod-db-read");
    public static final ApprovalPolicy ONE_APPROVER = ApprovalPolicy.fourEyes(1, Duration.ofHours(8), "approver");
    public static final AccessRules RULES = new AccessRules(ONE_APPROVER, Duration.ofHours(8), Set.of("developer"),
            new BreakGlass(Set.of("developer"), null));

    private Access() {
    }

    public static ResourceSnapshot resource(AccessRules rules) {
        return new ResourceSnapshot(RESOURCE, "prod-db-read", "platform", ROLE, rules);
    }

    /** Resources and grants by id, and the claim table as a map. */
    public static final class FakeContext implements AccessContext {

        private final Map<String, ResourceSnapshot> resources = new HashMap<>();
        private final Map<String, GrantSnapshot> grants = new HashMap<>();
        private final Map<String, String> claims = new HashMap<>();

        public FakeContext with(ResourceSnapshot resource) {
            resources.put(resource.resourceId(), resource);
            return this;
        }

        public FakeContext withGrant(String grantId, String userId, GrantStatus status) {
            grants.put(grantId, new GrantSnapshot(grantId, RESOURCE, userId, status));
            return this;
        }

        public FakeContext claimed(String userId, String grantId) {
            claims.put(userId + "/" + RESOURCE, grantId);
            return this;
        }

        public boolean holds(String userId, String grantId) {
            return grantId.equals(claims.get(userId + "/" + RESOURCE));
        }

        @Override
        public ResourceSnapshot resource(String resourceId) {
            var resource = resources.get(resourceId);
            if (resource == null) {
                throw BusinessRuleViolation.noSuch(RESOURCE_NOT_FOUND, "resource", resourceId);
            }
            return resource;
        }

        @Override
        public GrantSnapshot grant(String grantId) {
            var grant = grants.get(grantId);
            if (grant == null) {
                throw BusinessRuleViolation.noSuch(GRANT_NOT_FOUND, "grant", grantId);
            }
            return grant;
        }

        @Override
        public boolean claimGrant(String userId, String resourceId, String grantId) {
            return claims.putIfAbsent(userId + "/" + resourceId, grantId) == null;
        }
    }
}
