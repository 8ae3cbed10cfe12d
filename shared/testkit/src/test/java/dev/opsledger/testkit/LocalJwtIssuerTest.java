package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalJwtIssuerTest {

    private static LocalJwtIssuer issuer;
    private static DefaultJWTProcessor<SecurityContext> verifier;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = LocalJwtIssuer.start();
        Map<String, Object> discovery = JSONObjectUtils.parse(get(issuer.issuerUri() + "/.well-known/openid-configuration"));
        assertThat(discovery).containsEntry("issuer", issuer.issuerUri());

        // Verifies the way a resource server does: keys fetched from the advertised jwks_uri, issuer and audience required.
        verifier = new DefaultJWTProcessor<>();
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create((String) discovery.get("jwks_uri")).toURL()).build()));
        verifier.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(LocalJwtIssuer.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(issuer.issuerUri()).build(), Set.of("sub", "exp", "iat")));
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void givenToken_whenVerifiedWithServedJwks_thenKeycloakShapedClaims() throws Exception {
        String token = issuer.token("dev1", Set.of("developer"));

        JWTClaimsSet claims = verifier.process(token, null);

        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getSubject()).isEqualTo(LocalJwtIssuer.subjectOf("dev1"));
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("dev1");
        assertThat(claims.getAudience()).containsExactly("opsledger");
        assertThat(KeycloakIT.realmRoles(claims)).containsExactly("developer");
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void givenCustomizer_whenTokenMinted_thenClaimsChanged() throws Exception {
        String token = issuer.token(claims -> claims.claim("preferred_username", "script").claim("acr", "2"));

        JWTClaimsSet claims = verifier.process(token, null);

        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("script");
        assertThat(claims.getStringClaim("acr")).isEqualTo("2");
    }

    @Test
    void givenTokenSignedWithOtherKey_whenVerified_thenRejected() {
        String token = issuer.tokenSignedWithOtherKey("dev1", Set.of("developer"));

        assertThatThrownBy(() -> verifier.process(token, null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void givenExpiredToken_whenVerified_thenRejected() {
        String token = issuer.expiredToken("dev1", Set.of("developer"));

        assertThatThrownBy(() -> verifier.process(token, null)).hasMessageContaining("xpired");
    }

    @Test
    void givenWrongIssuer_whenVerified_thenRejected() {
        String token = issuer.tokenWithWrongIssuer("dev1", Set.of("developer"));

        assertThatThrownBy(() -> verifier.process(token, null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void givenOtherAudience_whenVerified_thenRejected() {
        String token = issuer.token(claims -> claims.audience("someone-else"));

        assertThatThrownBy(() -> verifier.process(token, null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void givenUnsignedToken_whenVerified_thenRejected() {
        String token = issuer.unsignedToken("admin1", Set.of("admin"));

        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]))).contains("\"alg\":\"none\"");
        assertThat(parts[2]).isEmpty();
        assertThatThrownBy(() -> verifier.process(token, null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void givenIssuer_whenSpringPropertiesAsked_thenIssuerUri() {
        assertThat(issuer.properties())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
        assertThat(issuer.issuerUri()).startsWith("http://127.0.0.1:");
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
