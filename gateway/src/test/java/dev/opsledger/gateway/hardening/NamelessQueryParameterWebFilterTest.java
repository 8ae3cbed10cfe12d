package dev.opsledger.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamelessQueryParameterWebFilterTest {

    @Test
    void givenAQueryWithANamelessParameter_whenChecked_thenRefused() {
        assertThat(NamelessQueryParameterWebFilter.hasParameterWithoutName("=&&==")).isTrue();
        assertThat(NamelessQueryParameterWebFilter.hasParameterWithoutName("limit=2&=x")).isTrue();
    }

    @Test
    void givenOrdinaryQueries_whenChecked_thenAccepted() {
        assertThat(NamelessQueryParameterWebFilter.hasParameterWithoutName(null)).isFalse();
        assertThat(NamelessQueryParameterWebFilter.hasParameterWithoutName("limit=2&cursor=abc%3D")).isFalse();
        assertThat(NamelessQueryParameterWebFilter.hasParameterWithoutName("flag&&a=")).isFalse();
    }
}
