package dev.opsledger.platform.security;

import java.time.Clock;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claim checks every service applies after the signature: expiry and not-before with our clock
 * skew, the exact issuer, and our audience. Built explicitly rather than through
 * {@code JwtValidators.createDefaultWithValidators} so the skew is ours and not Spring's 60 s
 * default that the helper adds when it sees no timestamp validator of its own.
 */
public final class OpsLedgerJwtValidators {

    private OpsLedgerJwtValidators() {
    }

    public static OAuth2TokenValidator<Jwt> create(String issuer, OpsLedgerSecurityProperties properties) {
        return create(issuer, properties, Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> create(String issuer, OpsLedgerSecurityProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        // A token without exp would never expire: refuse it (Keycloak always sets one).
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(properties.audience())));
    }
}
