package dev.opsledger.platform.core.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The one paging cursor of every list endpoint, the audit log and the gateway's merged audit: the
 * sort keys of the last entry a page showed (keyset paging, so pages stay stable while new rows
 * arrive), opaque to clients (base64url) so what is in it may change.
 *
 * <p>A client sends back {@code nextCursor} as {@code cursor}; anything else is refused with
 * {@link InvalidCursorException}, which every service answers as a 400 problem on the field
 * {@code cursor}.
 */
public record Cursor(List<String> keys) {

    private static final String SEPARATOR = "/";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        return new Cursor(Arrays.stream(keys).map(key -> Objects.requireNonNull(key, "cursor key").toString()).toList());
    }

    public String encode() {
        String plain = String.join(SEPARATOR, keys.stream().map(key -> URLEncoder.encode(key, StandardCharsets.UTF_8)).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param text  the client's {@code cursor} parameter; null or blank means "from the start"
     * @param parts how many keys a cursor of this endpoint has
     * @return null for the first page
     */
    public static Cursor decode(String text, int parts) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            List<String> keys = Arrays.stream(plain.split(SEPARATOR, -1))
                    .map(key -> URLDecoder.decode(key, StandardCharsets.UTF_8))
                    .toList();
            // A cursor is opaque, so the request filter sees only base64; what it hides is checked here,
            // before a NUL reaches PostgreSQL (which refuses it in text) as a query parameter.
            if (keys.size() != parts || keys.stream().anyMatch(Cursor::hasControlCharacter)) {
                throw new InvalidCursorException();
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException notOurs) {
            throw new InvalidCursorException();
        }
    }

    private static boolean hasControlCharacter(String key) {
        return key.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    public String text(int index) {
        return keys.get(index);
    }

    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException notOurs) {
            throw new InvalidCursorException();
        }
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(keys.get(index));
        } catch (DateTimeParseException notOurs) {
            throw new InvalidCursorException();
        }
    }

    /** A cursor this endpoint did not issue (or one of another endpoint). */
    public static final class InvalidCursorException extends IllegalArgumentException {

        public static final String FIELD = "cursor";

        public InvalidCursorException() {
            super("is not a cursor this endpoint returned");
        }
    }
}
