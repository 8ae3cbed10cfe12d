package dev.opsledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.platform.error.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSafetyTest {

    record Window(String zone, Duration length) {
    }

    record Body(String name, List<Window> windows, Map<String, String> labels) {
    }

    @Test
    void givenPlainTextAndSaneDurations_whenChecked_thenNothingFound() {
        Body body = new Body("api\twith tab\nand newline", List.of(new Window("Europe/Berlin", Duration.ofHours(3))),
                Map.of("team", "ops"));

        assertThat(InputSafety.firstViolation(body)).isEmpty();
    }

    @Test
    void givenANulDeepInAList_whenChecked_thenItsPathIsNamed() {
        Body body = new Body("api", List.of(new Window("a", null), new Window("b\u0000", null)), Map.of());

        assertThat(InputSafety.firstViolation(body))
                .contains(new FieldError("windows[1].zone", InputSafety.CONTROL_CHARACTER));
    }

    @Test
    void givenAnEscapeCharacterInAMapValue_whenChecked_thenTheKeyIsNamed() {
        Body body = new Body("api", List.of(), Map.of("team", "\u001b[31mred"));

        assertThat(InputSafety.firstViolation(body).map(FieldError::field)).contains("labels.team");
    }

    @Test
    void givenDurationsOutsideZeroToAHundredYears_whenChecked_thenRefused() {
        assertThat(InputSafety.firstViolation(new Window("z", Duration.ofSeconds(-1)))).isPresent();
        assertThat(InputSafety.firstViolation(new Window("z", InputSafety.LONGEST.plusSeconds(1)))).isPresent();
        assertThat(InputSafety.firstViolation(new Window("z", InputSafety.LONGEST))).isEmpty();
        assertThat(InputSafety.firstViolation(new Window("z", Duration.ZERO))).isEmpty();
    }

    @Test
    void givenCharactersThatShowOtherThanIsStoredOrAreNoText_whenChecked_thenRefused() {
        for (String text : List.of("evil\u202Egnp.exe", "a\u0085b", "a\u2028b", "lone \uD800 surrogate", "end \uDC00",
                "x\uFFFF", "x\uFDD0", "x\uD83F\uDFFF", "\u2066isolate")) {
            assertThat(InputSafety.hasControlCharacter(text)).as("%s", text.codePoints().boxed().toList()).isTrue();
        }
    }

    @Test
    void givenOrdinaryUnicode_whenChecked_thenAccepted() {
        for (String text : List.of("Zürich", "東京", "rocket \uD83D\uDE80", "tab\tand\nnewline", "العربية")) {
            assertThat(InputSafety.hasControlCharacter(text)).as(text).isFalse();
        }
    }

    @Test
    void givenANullElementInAList_whenChecked_thenItsPathIsNamed() {
        Body body = new Body("api", java.util.Arrays.asList(new Window("a", null), null), Map.of());

        assertThat(InputSafety.firstViolation(body)).contains(new FieldError("windows[1]", InputSafety.NULL_ELEMENT));
    }
}
