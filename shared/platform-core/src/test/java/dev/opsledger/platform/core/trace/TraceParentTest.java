package dev.opsledger.platform.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {

    private static final String W3C_EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void givenTheSpecificationsExample_whenParsed_thenItsFieldsAndTheSameHeaderBack() {
        TraceParent parsed = TraceParent.parse(W3C_EXAMPLE).orElseThrow();

        assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parsed.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parsed.flags()).isEqualTo("01");
        assertThat(parsed).hasToString(W3C_EXAMPLE);
    }

    @Test
    void givenALaterVersionWithMoreFields_whenParsed_thenTheFirstFourAreKeptAsVersion00() {
        assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next"))
                .hasValueSatisfying(parsed -> assertThat(parsed).hasToString(W3C_EXAMPLE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX-Injected: 1"})
    void givenAMalformedValue_whenParsed_thenNothingToPassOn(String value) {
        assertThat(TraceParent.parse(value)).isEmpty();
    }

    @Test
    void givenAReceivedTraceparent_whenContinued_thenSameTraceAndFlagsUnderANewParentId() {
        TraceParent received = TraceParent.parse(W3C_EXAMPLE).orElseThrow();

        TraceParent next = received.nextHop();

        assertThat(next.traceId()).isEqualTo(received.traceId());
        assertThat(next.flags()).isEqualTo(received.flags());
        assertThat(next.parentId()).isNotEqualTo(received.parentId()).matches("[0-9a-f]{16}");
        assertThat(TraceParent.parse(next.toString())).contains(next);
    }

    @Test
    void givenNoOrAMalformedValue_whenContinuedOrStarted_thenANewWellFormedTraceEachTime() {
        TraceParent first = TraceParent.continueOrStart(null);
        TraceParent second = TraceParent.continueOrStart("not-a-traceparent");

        assertThat(TraceParent.parse(first.toString())).contains(first);
        assertThat(second.traceId()).isNotEqualTo(first.traceId());
        assertThat(TraceParent.continueOrStart(W3C_EXAMPLE).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
