package dev.opsledger.backup.support;

import dev.opsledger.backup.policy.api.BackupPolicySettings;
import dev.opsledger.backup.policy.api.CronSchedule;
import dev.opsledger.backup.policy.api.MissedRuns;
import dev.opsledger.backup.policy.api.Retention;
import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.target.api.PostgresLocation;
import dev.opsledger.backup.target.api.TargetLocation;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The people, places and settings the fixture tests share. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    public static final Actor OPERATOR = new Actor("op-1", "olga", Set.of("backup-operator"));
    public static final Actor APPROVER = new Actor("ap-1", "alice", Set.of("approver"));
    public static final Actor OPERATOR_APPROVER = new Actor("op-2", "oskar", Set.of("backup-operator", "approver"));
    public static final Actor DEVELOPER = new Actor("dev-1", "dora", Set.of("developer"));
    public static final PostgresLocation RELEASE_DB = new PostgresLocation("127.0.0.1", 5432, "release_service",
            "release");
    public static final TargetLocation DATABASE = TargetLocation.postgresql(RELEASE_DB);
    public static final ApprovalPolicy ONE_APPROVER = ApprovalPolicy.fourEyes(1, Duration.ofHours(8), "approver");
    public static final BackupJob JOB = new BackupJob("target-1", "release-db", DATABASE, "policy-1", 1,
            Duration.ofMinutes(30), null);
    public static final BackupArtifact ARTIFACT = new BackupArtifact("target-1/run-1.dump", 2048, "ab".repeat(32),
            Duration.ofSeconds(3), "pg_dump (PostgreSQL) 15.18");

    private Fixtures() {
    }

    public static BackupPolicySettings settings() {
        return new BackupPolicySettings(new CronSchedule("*/15 * * * *", "Europe/Berlin"), new Retention(3, 7, 4, 6),
                Duration.ofHours(1), new CronSchedule("0 3 * * *", "Europe/Berlin"), ONE_APPROVER, true,
                MissedRuns.CATCH_UP, Duration.ofMinutes(30), null);
    }
}
