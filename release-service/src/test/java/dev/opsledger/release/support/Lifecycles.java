package dev.opsledger.release.support;

import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.release.application.api.DeploymentWindow;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.FreezePeriod;
import dev.opsledger.release.application.api.Lifecycle;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle the tests share: dev (no approval, any time) → qa (one approver, Mon and Wed
 * 12:00–15:00 Europe/Berlin, as in the team's QA routine) → prod (two approvers, four eyes).
 */
public final class Lifecycles {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 23 November 2026, 10:00 in Berlin: before the QA window opens. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    /** The same Monday 12:00 in Berlin: the QA window opens. */
    public static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");

    public static final Actor DEVELOPER = new Actor("u-dev", "dev1", Set.of("developer"));
    public static final Actor ALICE = new Actor("u-alice", "alice", Set.of("approver"));
    public static final Actor BOB = new Actor("u-bob", "bob", Set.of("approver"));
    public static final Actor RELEASE_MANAGER = new Actor("u-rm", "rita", Set.of("release-manager"));
    public static final Actor ADMIN = new Actor("u-admin", "adam", Set.of("admin"));

    public static final DeploymentWindow QA_WINDOW = new DeploymentWindow(Set.of(DayOfWeek.MONDAY,
            DayOfWeek.WEDNESDAY), LocalTime.NOON, LocalTime.of(15, 0), BERLIN);

    private Lifecycles() {
    }

    public static EnvironmentRules dev() {
        return new EnvironmentRules("dev", null, List.of(), List.of(), null, null, null);
    }

    public static EnvironmentRules qa() {
        return new EnvironmentRules("qa", ApprovalPolicy.fourEyes(1, Duration.ofHours(4), "approver"),
                List.of(QA_WINDOW), List.of(), null, null, Duration.ofHours(2));
    }

    public static EnvironmentRules prod(FreezePeriod... freezes) {
        return new EnvironmentRules("prod", ApprovalPolicy.fourEyes(2, Duration.ofHours(8), "approver"),
                List.of(), List.of(freezes), null, null, Duration.ofHours(2));
    }

    public static final String BACKUP_POLICY = "policy-prod-db";
    public static final String DEPLOY_TASK = "task-deploy";

    /** Prod as the demo runs it: a pre-deploy backup, then the deploy task; no approval, to keep tests short. */
    public static EnvironmentRules prodDeliveredByTasks() {
        return new EnvironmentRules("prod", null, List.of(), List.of(), BACKUP_POLICY, DEPLOY_TASK,
                Duration.ofHours(2));
    }

    public static Lifecycle standard() {
        return new Lifecycle(List.of(dev(), qa(), prod()));
    }
}
