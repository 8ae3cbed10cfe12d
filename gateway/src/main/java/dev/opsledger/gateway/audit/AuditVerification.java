package dev.opsledger.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.ChainVerification;
import dev.opsledger.contracts.audit.ChainVerification.Anchor;
import dev.opsledger.contracts.audit.ChainVerification.Tampering;
import dev.opsledger.gateway.audit.AuditAnswer.Missing;

/**
 * {@code GET /api/audit/verify}: every enabled service's hash chain. {@code valid} only when every
 * chain verified and no service was missing: a service that could not be asked is never taken
 * for an intact one.
 */
public record AuditVerification(boolean valid, List<ServiceChain> chains, List<Missing> missing) {

    static AuditVerification of(List<Asked> asked) {
        List<ServiceChain> chains = asked.stream().map(Asked::chain).filter(Objects::nonNull).toList();
        List<Missing> missing = asked.stream().map(Asked::missing).filter(Objects::nonNull).toList();
        return new AuditVerification(missing.isEmpty() && chains.stream().allMatch(ServiceChain::valid), chains, missing);
    }

    /** One service asked: either its chain or why it could not be asked. */
    record Asked(ServiceChain chain, Missing missing) {

        static Asked answered(ServiceChain chain) {
            return new Asked(chain, null);
        }

        static Asked unanswered(Missing missing) {
            return new Asked(null, missing);
        }
    }

    /**
     * One service's answer; a broken chain names its first entry that does not verify, what happened
     * to it ({@code tampering}: {@code CHANGED}, {@code INSERTED} or {@code MISSING}) and why. The
     * signed checkpoint the chain was checked against: its head's global index and time, and how many
     * checkpoints claiming to be the service's were refused; absent when the service has none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceChain(String service, boolean valid, long entries, Long firstBrokenGlobalIndex,
                               String reason, Tampering tampering, Long checkpointGlobalIndex, Instant checkpointTime,
                               Long rejectedCheckpoints) {
    }

    static ServiceChain of(String service, ChainVerification chain) {
        Anchor anchor = chain.anchor();
        AuditCheckpoint checkpoint = anchor == null ? null : anchor.checkpoint();
        return new ServiceChain(service, chain.valid(), chain.entries(), chain.firstBrokenGlobalIndex(), chain.reason(),
                chain.tampering(), checkpoint == null ? null : checkpoint.headGlobalIndex(),
                checkpoint == null ? null : checkpoint.time(), anchor == null ? null : anchor.rejectedCheckpoints());
    }
}
