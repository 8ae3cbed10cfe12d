package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.ChainVerification;



/**
 * Recomputes the chain from the first entry. An entry is broken when its {@code previous_hash}
 * is not the hash of the entry before it (a row was removed or inserted) or its {@code hash} is
 * not the hash of its own content (a row was edited). Removing the newest rows leaves a shorter
 * but valid chain; detecting that needs the last hash kept elsewhere (e.g. published).
 */
public class AuditChainVerifier {

    private final AuditLogRepository repository;

    public AuditChainVerifier(AuditLogRepository repository) {
        this.repository = repository;
    }

    public ChainVerification verify() {
        var state = new Object() {
            String expectedPrevious = AuditHashChain.GENESIS;
            long checked;
            ChainVerification broken;
        };
        repository.walkInChainOrder(entry -> {
            if (!state.expectedPrevious.equals(entry.previousHash())) {
                state.broken = ChainVerification.broken(state.checked, entry.globalIndex(),
                        "previous_hash does not match the hash of the entry before it");
                return false;
            }
            if (!AuditHashChain.hash(entry).equals(entry.hash())) {
                state.broken = ChainVerification.broken(state.checked, entry.globalIndex(),
                        "hash does not match the entry's content");
                return false;
            }
            state.expectedPrevious = entry.hash();
            state.checked++;
            return true;
        });
        return state.broken != null ? state.broken : ChainVerification.intact(state.checked);
    }
}
