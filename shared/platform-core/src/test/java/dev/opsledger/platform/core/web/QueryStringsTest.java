package dev.opsledger.platform.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void givenAQueryWithANamelessParameter_whenChecked_thenRefused() {
        assertThat(QueryStrings.hasParameterWithoutName("=&&==")).isTrue();
        assertThat(QueryStrings.hasParameterWithoutName("limit=2&=x")).isTrue();
    }

    @Test
    void givenOrdinaryQueries_whenChecked_thenAccepted() {
        assertThat(QueryStrings.hasParameterWithoutName(null)).isFalse();
        assertThat(QueryStrings.hasParameterWithoutName("limit=2&cursor=abc%3D")).isFalse();
        assertThat(QueryStrings.hasParameterWithoutName("flag&&a=")).isFalse();
    }
}
