package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class AuditLogProjectionTest {

    record Registered(String name, String notes) {
    }

    @Test
    void givenSmallPayload_whenSummarised_thenItsWholeJson() {
        AuditLogProjection projection = new AuditLogProjection(null, JsonMapper.shared(), 100);

        assertThat(projection.summarise(new Registered("api", "first")))
                .isEqualTo("{\"name\":\"api\",\"notes\":\"first\"}");
    }

    @Test
    void givenLargePayload_whenSummarised_thenCutToTheLimitWithAnEllipsis() {
        AuditLogProjection projection = new AuditLogProjection(null, JsonMapper.shared(), 40);

        String summary = projection.summarise(new Registered("api", "x".repeat(500)));

        assertThat(summary).hasSize(40).startsWith("{\"name\":\"api\",\"notes\":\"xxx").endsWith("…");
    }

    @Test
    void givenCutInsideASurrogatePair_whenSummarised_thenThePairIsNotSplit() {
        AuditLogProjection projection = new AuditLogProjection(null, JsonMapper.shared(), 20);
        // {"name":"abcdefghi is 18 chars: the emoji starts exactly where the cut (limit - 1) falls
        String summary = projection.summarise(new Registered("abcdefghi\uD83D\uDE00", "z"));

        assertThat(summary.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(Character.isHighSurrogate(summary.charAt(summary.length() - 2))).isFalse();
    }
}
