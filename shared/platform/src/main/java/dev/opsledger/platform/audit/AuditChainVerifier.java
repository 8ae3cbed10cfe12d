package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.AuditEntry;
import dev.opsledger.contracts.audit.ChainVerification;
import dev.opsledger.contracts.audit.ChainVerification.Anchor;
import dev.opsledger.contracts.audit.ChainVerification.Tampering;
import java.util.Optional;

/**
 * Recomputes the chain from the first entry and checks it against the newest signed checkpoint,
 * stopping at the first entry that does not verify and saying what happened to it:
 * <ul>
 *   <li>{@code INSERTED}: no event of the service's store stands behind the row (its global index
 *       and event id), or the next entry links past it;</li>
 *   <li>{@code CHANGED}: its hash is not the hash of its content, its {@code previous_hash} is not
 *       the entry before's, or its hash is not the one the checkpoint signed;</li>
 *   <li>{@code MISSING}: an entry links to a hash no remaining entry has, or the checkpoint's head
 *       is gone — removing the newest rows, which the chain alone cannot notice. The index named is
 *       the first event of the store without its entry in that gap (the store only locates what the
 *       chain or the signature already proved; it decides nothing).</li>
 * </ul>
 */
public class AuditChainVerifier {

    public static final String CONTENT_CHANGED = "hash does not match the entry's content";
    public static final String LINK_CHANGED = "previous_hash does not match the hash of the entry before it";
    public static final String NOT_AN_EVENT = "no event of the service's store has this entry's global index and event id";
    public static final String LINKED_PAST = "the entry after it links to the entry before it";
    public static final String GAP = "an entry is missing here: the next remaining entry links to a hash no remaining entry has";
    public static final String CHECKPOINT_HEAD_CHANGED = "hash differs from the one the signed checkpoint vouches for";
    public static final String CHECKPOINT_HEAD_MISSING = "the entries up to the signed checkpoint's head are gone";
    public static final String CHECKPOINT_COUNT = "the chain holds a different number of entries up to the signed checkpoint's head";

    private final AuditLogRepository repository;
    private final AuditCheckpointSource checkpoints;

    /** Without checkpoints: the newest rows can be removed unnoticed. */
    public AuditChainVerifier(AuditLogRepository repository) {
        this(repository, null);
    }

    public AuditChainVerifier(AuditLogRepository repository, AuditCheckpointSource checkpoints) {
        this.repository = repository;
        this.checkpoints = checkpoints;
    }

    /** The whole chain, against the newest authentic checkpoint when the service publishes them. */
    public ChainVerification verify() {
        if (checkpoints == null) {
            return walk(null);
        }
        Anchor anchor;
        try {
            anchor = checkpoints.anchor();
        } catch (RuntimeException e) {
            // Never report a chain as intact because its anchor could not be read.
            return new ChainVerification(false, 0, null, "the signed checkpoints could not be read: " + e.getMessage());
        }
        return walk(anchor.checkpoint()).anchoredBy(anchor);
    }

    /**
     * What the publisher may sign next: the chain's head, if the chain still holds {@code previous}
     * unchanged and every entry after it links up. Only the entries after {@code previous} are walked;
     * the count up to its head is a query. Anything else is answered with the full verification.
     */
    Extension extend(AuditCheckpoint previous) {
        if (previous != null) {
            Optional<AuditEntry> head = repository.entryAt(previous.headGlobalIndex());
            if (head.isEmpty() || !head.get().hash().equals(previous.headHash())
                    || repository.countUpTo(previous.headGlobalIndex()) != previous.entries()) {
                return new Extension(walk(previous), null);
            }
        }
        Walk walk = new Walk(null, previous);
        repository.walkInChainOrder(walk.lastIndex, walk::visit);
        ChainVerification result = walk.finish();
        if (!result.valid()) {
            // Name the first broken entry as an auditor's verification would.
            return new Extension(walk(previous), null);
        }
        return new Extension(result, walk.checked == 0 ? null : new Head(walk.lastIndex, walk.expectedPrevious, walk.checked));
    }

    /** The outcome of {@link #extend}: the verification, and the head to sign when it is valid and not empty. */
    record Extension(ChainVerification verification, Head head) {
    }

    /** The newest entry of an intact chain and how many entries the chain holds up to it. */
    record Head(long globalIndex, String hash, long entries) {
    }

    private ChainVerification walk(AuditCheckpoint checkpoint) {
        Walk walk = new Walk(checkpoint, null);
        repository.walkInChainOrder(walk::visit);
        return walk.finish();
    }

    /** One pass over the entries in chain order; stops at the first that does not verify. */
    private final class Walk {

        private final AuditCheckpoint checkpoint;
        private final Long firstWithoutEvent;
        private String expectedPrevious = AuditHashChain.GENESIS;
        private String beforePrevious;
        private long lastIndex = Long.MIN_VALUE;
        private long checked;
        private boolean checkpointReached;
        private ChainVerification broken;

        /**
         * @param checkpoint the signed checkpoint the chain must hold, or null
         * @param continuing a checkpoint whose head was verified already: the walk starts after it
         */
        Walk(AuditCheckpoint checkpoint, AuditCheckpoint continuing) {
            this.checkpoint = checkpoint;
            if (continuing != null) {
                expectedPrevious = continuing.headHash();
                lastIndex = continuing.headGlobalIndex();
                checked = continuing.entries();
            }
            this.firstWithoutEvent = repository.firstEntryWithoutEvent(lastIndex).orElse(null);
        }

        boolean visit(AuditEntry entry) {
            long index = entry.globalIndex();
            if (checkpoint != null && !checkpointReached && index > checkpoint.headGlobalIndex()) {
                broken = missing(checkpoint.headGlobalIndex(), CHECKPOINT_HEAD_MISSING);
                return false;
            }
            if (firstWithoutEvent != null && index == firstWithoutEvent) {
                broken = ChainVerification.broken(checked, index, Tampering.INSERTED, NOT_AN_EVENT);
                return false;
            }
            if (!expectedPrevious.equals(entry.previousHash())) {
                if (beforePrevious != null && beforePrevious.equals(entry.previousHash())) {
                    broken = ChainVerification.broken(checked - 1, lastIndex, Tampering.INSERTED, LINKED_PAST);
                } else if (AuditHashChain.hash(entry).equals(entry.hash())) {
                    broken = missing(index, GAP);
                } else {
                    broken = ChainVerification.broken(checked, index, Tampering.CHANGED, LINK_CHANGED);
                }
                return false;
            }
            if (!AuditHashChain.hash(entry).equals(entry.hash())) {
                broken = ChainVerification.broken(checked, index, Tampering.CHANGED, CONTENT_CHANGED);
                return false;
            }
            beforePrevious = expectedPrevious;
            expectedPrevious = entry.hash();
            lastIndex = index;
            checked++;
            if (checkpoint != null && index == checkpoint.headGlobalIndex()) {
                checkpointReached = true;
                if (!entry.hash().equals(checkpoint.headHash())) {
                    broken = ChainVerification.broken(checked - 1, index, Tampering.CHANGED, CHECKPOINT_HEAD_CHANGED);
                    return false;
                }
                if (checked != checkpoint.entries()) {
                    broken = checked < checkpoint.entries() ? missing(index, CHECKPOINT_COUNT)
                            : ChainVerification.broken(checked - 1, index, Tampering.INSERTED, CHECKPOINT_COUNT);
                    return false;
                }
            }
            return true;
        }

        ChainVerification finish() {
            if (broken == null && checkpoint != null && !checkpointReached) {
                broken = missing(checkpoint.headGlobalIndex(), CHECKPOINT_HEAD_MISSING);
            }
            return broken != null ? broken : ChainVerification.intact(checked);
        }

        /** Entries gone after the last verified one, up to {@code upTo}: named by the first event without its entry. */
        private ChainVerification missing(long upTo, String reason) {
            long first = repository.firstEventWithoutEntry(lastIndex, upTo).orElse(upTo);
            return ChainVerification.broken(checked, first, Tampering.MISSING, reason);
        }
    }
}
