package dev.opsledger.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import dev.opsledger.platform.error.InvalidInputException;

/**
 * Position after which the next page starts: the last entry's time and global index (pages are
 * ordered by both, the index breaking ties between events of the same microsecond). Opaque to
 * clients (base64url) so we may change what is in it.
 */
public record AuditCursor(Instant eventTime, long globalIndex) {

    public static AuditCursor after(AuditEntry entry) {
        return new AuditCursor(entry.eventTime(), entry.globalIndex());
    }

    public String encode() {
        String plain = eventTime + "/" + globalIndex;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static AuditCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int slash = plain.lastIndexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new AuditCursor(Instant.parse(plain.substring(0, slash)), Long.parseLong(plain.substring(slash + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException("cursor", "is not a cursor this service issued");
        }
    }
}
