package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.opsledger.platform.error.InvalidInputException;

class AuditCursorTest {

    @Test
    void givenCursor_whenEncodedAndDecoded_thenSamePosition() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-02T12:00:00.123456Z"), 42);

        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(AuditCursor.decode(encoded)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm8tc2VwYXJhdG9y", "MjAyNi0xMS0wMlQxMjowMDowMFovYWJj"})
    void givenForeignString_whenDecoded_thenInvalidInputOnCursor(String cursor) {
        assertThatThrownBy(() -> AuditCursor.decode(cursor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
