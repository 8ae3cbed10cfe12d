package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditHashChainTest {

    private static final Instant T = Instant.parse("2026-11-02T12:00:00.123456789Z");

    @Test
    void givenEntry_whenChainedAfterGenesis_thenHashIs64LowercaseHexOverItsContent() {
        AuditEntry entry = entry(7, "alice", "alice").chainedAfter(AuditHashChain.GENESIS);

        assertThat(entry.previousHash()).isEqualTo("0".repeat(64));
        assertThat(entry.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditHashChain.hash(entry));
    }

    @Test
    void givenEventTimeWithNanos_whenEntryBuilt_thenItIsKeptAtPostgresMicrosecondPrecision() {
        assertThat(entry(1, "a", "a").eventTime()).isEqualTo(Instant.parse("2026-11-02T12:00:00.123456Z"));
    }

    @Test
    void givenAnyFieldChanged_whenHashed_thenHashDiffers() {
        AuditEntry original = entry(7, "alice", "alice").chainedAfter(AuditHashChain.GENESIS);
        AuditEntry edited = entry(7, "alice", "mallory").chainedAfter(AuditHashChain.GENESIS);

        assertThat(edited.hash()).isNotEqualTo(original.hash());
    }

    @Test
    void givenDifferentPreviousHash_whenHashed_thenHashDiffers() {
        AuditEntry entry = entry(7, "alice", "alice");

        assertThat(entry.chainedAfter("a".repeat(64)).hash()).isNotEqualTo(entry.chainedAfter(AuditHashChain.GENESIS).hash());
    }

    @Test
    void givenContentShiftedBetweenAdjacentFields_whenHashed_thenHashDiffers() {
        // With a bare separator "ab|c" and "a|bc" would read the same.
        AuditEntry first = entry(7, "ab", "c").chainedAfter(AuditHashChain.GENESIS);
        AuditEntry second = entry(7, "a", "bc").chainedAfter(AuditHashChain.GENESIS);

        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void givenNullVersusEmptyField_whenHashed_thenHashDiffers() {
        assertThat(entry(7, null, "x").chainedAfter(AuditHashChain.GENESIS).hash())
                .isNotEqualTo(entry(7, "", "x").chainedAfter(AuditHashChain.GENESIS).hash());
    }

    private static AuditEntry entry(long index, String actorId, String actorName) {
        return new AuditEntry(index, "event-" + index, T, actorId, actorName, "Release", "r-1", 0L,
                "ReleaseRegistered", "{\"version\":\"1.0.0\"}", "corr-1", "cause-1", null, null);
    }
}
