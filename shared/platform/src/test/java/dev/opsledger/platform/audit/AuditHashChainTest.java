package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.audit.AuditEntry;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditHashChainTest {

    private static final Instant T = Instant.parse("2026-11-02T12:00:00.123456789Z");

    @Test
    void givenEntry_whenChainedAfterGenesis_thenHashIs64LowercaseHexOverItsContent() {
        AuditEntry entry = AuditHashChain.linked(entry(7, "alice", "alice"), AuditHashChain.GENESIS);

        assertThat(entry.previousHash()).isEqualTo("0".repeat(64));
        assertThat(entry.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditHashChain.hash(entry));
    }

    @Test
    void givenEventTimeWithNanos_whenLinked_thenItIsKeptAtPostgresMicrosecondPrecision() {
        assertThat(AuditHashChain.linked(entry(1, "a", "a"), AuditHashChain.GENESIS).time()).isEqualTo(Instant.parse("2026-11-02T12:00:00.123456Z"));
    }

    @Test
    void givenAnyFieldChanged_whenHashed_thenHashDiffers() {
        AuditEntry original = AuditHashChain.linked(entry(7, "alice", "alice"), AuditHashChain.GENESIS);
        AuditEntry edited = AuditHashChain.linked(entry(7, "alice", "mallory"), AuditHashChain.GENESIS);

        assertThat(edited.hash()).isNotEqualTo(original.hash());
    }

    @Test
    void givenDifferentPreviousHash_whenHashed_thenHashDiffers() {
        AuditEntry entry = entry(7, "alice", "alice");

        assertThat(AuditHashChain.linked(entry, "a".repeat(64)).hash()).isNotEqualTo(AuditHashChain.linked(entry, AuditHashChain.GENESIS).hash());
    }

    @Test
    void givenContentShiftedBetweenAdjacentFields_whenHashed_thenHashDiffers() {
        // With a bare separator "ab|c" and "a|bc" would read the same.
        AuditEntry first = AuditHashChain.linked(entry(7, "ab", "c"), AuditHashChain.GENESIS);
        AuditEntry second = AuditHashChain.linked(entry(7, "a", "bc"), AuditHashChain.GENESIS);

        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void givenNullVersusEmptyField_whenHashed_thenHashDiffers() {
        assertThat(AuditHashChain.linked(entry(7, null, "x"), AuditHashChain.GENESIS).hash())
                .isNotEqualTo(AuditHashChain.linked(entry(7, "", "x"), AuditHashChain.GENESIS).hash());
    }

    private static AuditEntry entry(long index, String actorId, String actorName) {
        return new AuditEntry(null, index, "event-" + index, T, actorId, actorName, "Release", "r-1", 0L,
                "ReleaseRegistered", "{\"version\":\"1.0.0\"}", "corr-1", "cause-1", null, null);
    }
}
