package dev.opsledger.platform.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void givenOneRowMoreThanTheLimit_whenPaged_thenLimitEntriesAndTheLastOnesCursor() {
        Page<Integer> page = Page.of(List.of(1, 2, 3), 2, row -> Cursor.of(row));

        assertThat(page.entries()).containsExactly(1, 2);
        assertThat(Cursor.decode(page.nextCursor(), 1).number(0)).isEqualTo(2);
    }

    @Test
    void givenNoMoreRowsThanTheLimit_whenPaged_thenNoNextCursor() {
        assertThat(Page.of(List.of(1, 2), 2, row -> Cursor.of(row)).nextCursor()).isNull();
    }

    @Test
    void givenKeysWithSeparatorsAndUnicode_whenEncodedAndDecoded_thenTheSameKeys() {
        Instant at = Instant.parse("2026-11-30T07:00:00.123456Z");
        Cursor cursor = Cursor.of(at, "a/b%c ü", 42);

        Cursor decoded = Cursor.decode(cursor.encode(), 3);

        assertThat(decoded.instant(0)).isEqualTo(at);
        assertThat(decoded.text(1)).isEqualTo("a/b%c ü");
        assertThat(decoded.number(2)).isEqualTo(42);
    }

    @Test
    void givenNoCursor_whenDecoded_thenTheFirstPage() {
        assertThat(Cursor.decode(null, 1)).isNull();
        assertThat(Cursor.decode(" ", 1)).isNull();
    }

    @Test
    void givenTextThisEndpointDidNotIssue_whenDecoded_thenInvalidCursor() {
        assertThatThrownBy(() -> Cursor.decode("not base64!", 1)).isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("a", "b").encode(), 1))
                .isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("x").encode(), 1).number(0))
                .isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("x").encode(), 1).instant(0))
                .isInstanceOf(Cursor.InvalidCursorException.class);
    }

    @Test
    void givenACursorHidingControlCharacters_whenDecoded_thenInvalidCursor() {
        // Base64 passes the request filter; the NUL inside must not reach a SQL parameter.
        String withNul = Base64.getUrlEncoder().encodeToString("2025-01-01T00:00:00Z/a\u0000b"
                .getBytes(StandardCharsets.UTF_8));
        String withEncodedNul = Cursor.of("2025-01-01T00:00:00Z", "a\u0000b").encode();
        String withNewline = Cursor.of("2025-01-01T00:00:00Z", "a\nb").encode();

        assertThatThrownBy(() -> Cursor.decode(withNul, 2)).isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(withEncodedNul, 2)).isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(withNewline, 2)).isInstanceOf(Cursor.InvalidCursorException.class);
    }
}
