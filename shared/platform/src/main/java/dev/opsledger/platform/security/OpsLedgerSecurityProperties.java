package dev.opsledger.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token checks every OpsLedger service applies on top of Spring's signature check. The issuer comes
 * from Spring's own {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}; these are the
 * keys Spring has no typed equivalent for (or whose defaults we want stricter).
 *
 * @param audience  the {@code aud} value a token must carry. Keycloak adds it through a realm
 *                  audience mapper; without the check any token of the realm (e.g. one minted for
 *                  another client) would be accepted.
 * @param clockSkew tolerance for {@code exp}/{@code nbf} between Keycloak's clock and ours. Spring's
 *                  default is 60 s; 30 s is enough on NTP-synchronised hosts and halves the window
 *                  in which an expired token still works.
 */
@ConfigurationProperties("opsledger.security")
public record OpsLedgerSecurityProperties(
        @DefaultValue("opsledger") String audience,
        @DefaultValue("30s") Duration clockSkew) {

    public OpsLedgerSecurityProperties {
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("opsledger.security.audience must not be blank");
        }
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("opsledger.security.clock-skew must be zero or positive");
        }
    }
}
