package dev.opsledger.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.opsledger.gateway.config.GatewayProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RequestIdWebFilterTest {

    @Test
    void givenSafeToken_whenResolved_thenKept() {
        assertThat(filter(true).resolve("abc-123_X.y")).isEqualTo("abc-123_X.y");
    }

    @Test
    void givenUnsafeOrTooLongValue_whenResolved_thenNewUuid() {
        var filter = filter(true);

        assertThat(filter.resolve("a b")).matches("[0-9a-f-]{36}");
        assertThat(filter.resolve("x\r\nSet-Cookie: a=b")).matches("[0-9a-f-]{36}");
        assertThat(filter.resolve("a".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(filter.resolve("")).matches("[0-9a-f-]{36}");
    }

    @Test
    void givenClientIdsNotAccepted_whenResolved_thenAlwaysNew() {
        assertThat(filter(false).resolve("abc")).matches("[0-9a-f-]{36}");
    }

    @Test
    void givenDefaultUntrustedHeaders_whenChecked_thenProxyAndIdentityHeadersMatchCaseInsensitively() {
        var headers = new UntrustedHeadersWebFilter(properties(true));

        assertThat(headers.untrusted("x-forwarded-for")).isTrue();
        assertThat(headers.untrusted("X-Forwarded-Proto")).isTrue();
        assertThat(headers.untrusted("FORWARDED")).isTrue();
        assertThat(headers.untrusted("X-Real-Ip")).isTrue();
        assertThat(headers.untrusted("X-User-Name")).isTrue();
        assertThat(headers.untrusted("Authorization")).isFalse();
        assertThat(headers.untrusted("X-Request-Id")).isFalse();
    }

    private static RequestIdWebFilter filter(boolean acceptClientId) {
        return new RequestIdWebFilter(properties(acceptClientId));
    }

    private static GatewayProperties properties(boolean acceptClientId) {
        var source = new MapConfigurationPropertySource(Map.of(
                "opsledger.gateway.hardening.accept-client-request-id", Boolean.toString(acceptClientId)));
        return new Binder(source).bindOrCreate("opsledger.gateway", GatewayProperties.class);
    }
}
