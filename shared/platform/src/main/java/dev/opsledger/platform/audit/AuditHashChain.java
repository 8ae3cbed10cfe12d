package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over audit entries: {@code hash = SHA-256(canonical(entry fields, previous_hash))}
 * in lowercase hex; the first entry's previous hash is 64 zeros.
 *
 * <p>The canonical form prefixes every field with its length (and marks null as {@code ~}), so no
 * choice of field values can make two different entries produce the same string — with a plain
 * separator, an actor name containing the separator could shift content between fields. The
 * leading version tag lets us change the form later without re-hashing history.
 */
public final class AuditHashChain {

    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "opsledger-audit-v1";

    private AuditHashChain() {
    }

    public static String canonical(AuditEntry entry) {
        StringBuilder canonical = new StringBuilder(VERSION);
        field(canonical, Long.toString(entry.globalIndex()));
        field(canonical, entry.eventId());
        field(canonical, entry.time().toString());
        field(canonical, entry.actorId());
        field(canonical, entry.actorName());
        field(canonical, entry.aggregateType());
        field(canonical, entry.aggregateId());
        field(canonical, entry.aggregateSequence() == null ? null : entry.aggregateSequence().toString());
        field(canonical, entry.type());
        field(canonical, entry.summary());
        field(canonical, entry.correlationId());
        field(canonical, entry.causationId());
        field(canonical, entry.previousHash());
        return canonical.toString();
    }

    /**
     * The entry linked after {@code previousHash}, carrying its own hash. Times are kept at
     * microsecond precision because that is what PostgreSQL's {@code timestamptz} stores: hashing
     * nanoseconds would make every entry fail verification once read back.
     */
    public static AuditEntry linked(AuditEntry entry, String previousHash) {
        AuditEntry link = new AuditEntry(entry.service(), entry.globalIndex(), entry.eventId(),
                entry.time().truncatedTo(ChronoUnit.MICROS), entry.actorId(), entry.actorName(), entry.aggregateType(),
                entry.aggregateId(), entry.aggregateSequence(), entry.type(), entry.summary(), entry.correlationId(),
                entry.causationId(), previousHash, null);
        return new AuditEntry(link.service(), link.globalIndex(), link.eventId(), link.time(), link.actorId(),
                link.actorName(), link.aggregateType(), link.aggregateId(), link.aggregateSequence(), link.type(),
                link.summary(), link.correlationId(), link.causationId(), previousHash, hash(link));
    }

    /** The hash the entry must carry, given its fields and its {@code previousHash}. */
    public static String hash(AuditEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical(entry).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK ships SHA-256", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append('|');
        if (value == null) {
            canonical.append('~');
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
    }
}
