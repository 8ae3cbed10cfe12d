package dev.opsledger.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static AuditEntry entry(String service, int second, String id, String type, String cause) {
        return new AuditEntry(service, second, id, T0.plusSeconds(second), "actor", "actor", "Aggregate", "agg",
                0L, type, type, "corr-1", cause, "prev", "hash");
    }

    @Test
    void givenStepsOfThreeServices_whenTreeBuilt_thenEachHangsUnderItsCauseInCausalOrder() {
        var requested = entry("release", 1, "e1", "PromotionRequested", "cmd-1");
        var approved = entry("release", 2, "e2", "PromotionApprovalGiven", "cmd-2");
        var backupAsked = entry("release", 3, "e3", "PromotionBackupRequested", "e2");
        var backupRun = entry("backup", 4, "b1", "BackupRunRequested", "e3");
        var backupDone = entry("backup", 6, "b2", "BackupRunSucceeded", "e3");
        var backedUp = entry("release", 7, "e4", "PromotionBackupTaken", "b2");
        var runAsked = entry("release", 8, "e5", "PromotionDeployTaskRequested", "e4");
        var run = entry("automation", 9, "a1", "RunSucceeded", "e5");
        var deployed = entry("release", 10, "e6", "DeployTaskSucceeded", "a1");

        // Given shuffled, as pages from several services may interleave.
        AuditChain chain = AuditChain.of("corr-1", List.of(deployed, run, backupRun, requested, backedUp, approved,
                runAsked, backupDone, backupAsked), List.of());

        assertThat(chain.size()).isEqualTo(9);
        assertThat(chain.roots()).extracting(node -> node.entry().eventId()).containsExactly("e1", "e2");
        assertThat(chain.flatten()).extracting(AuditEntry::eventId)
                .containsExactly("e1", "e2", "e3", "b1", "b2", "e4", "e5", "a1", "e6");
        assertThat(chain.flatten()).extracting(AuditEntry::service).contains("release", "backup", "automation");
    }

    @Test
    void givenEntryNamingItselfOrAMissingEntryAsCause_whenTreeBuilt_thenItIsARoot() {
        var first = entry("release", 1, "e1", "PromotionRequested", "e1");
        var orphan = entry("backup", 2, "b1", "BackupRunRequested", "not-in-this-chain");

        AuditChain chain = AuditChain.of("corr-1", List.of(orphan, first), List.of());

        assertThat(chain.roots()).extracting(node -> node.entry().eventId()).containsExactly("e1", "b1");
        assertThat(chain.roots()).allSatisfy(node -> assertThat(node.causes()).isEmpty());
    }
}
