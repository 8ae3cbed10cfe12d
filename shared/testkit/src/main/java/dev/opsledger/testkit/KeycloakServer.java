package dev.opsledger.testkit;

import java.util.Map;

/**
 * A running Keycloak with the {@code opsledger} realm imported from {@link #REALM_RESOURCE}.
 * Tests get one per JVM from {@link TestInfrastructure#keycloak()}.
 */
public interface KeycloakServer extends AutoCloseable {

    String REALM = "opsledger";
    /** Classpath location of the realm; the devstack and docker-compose use the same file. */
    String REALM_RESOURCE = "keycloak/opsledger-realm.json";
    /** The public client that accepts password grants, for tests and scripts. */
    String CLI_CLIENT_ID = "opsledger-cli";
    /** The confidential client the gateway logs browsers in with. */
    String GATEWAY_CLIENT_ID = "opsledger-gateway";
    /** Dev-only secret of {@link #GATEWAY_CLIENT_ID}, as written in the realm file. */
    String GATEWAY_DEV_SECRET = "opsledger-gateway-dev-secret";
    /** Every access token the realm issues carries this audience. */
    String AUDIENCE = "opsledger";

    /**
     * A Keycloak this JVM did not start (e.g. the devstack's), for its tokens and URLs;
     * {@link #close()} leaves it running.
     */
    static KeycloakServer running(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new KeycloakServer() {
            @Override
            public String baseUrl() {
                return base;
            }

            @Override
            public void close() {
                // Not ours to stop.
            }
        };
    }

    /** E.g. {@code http://127.0.0.1:40123}, without a trailing slash. */
    String baseUrl();

    /** The realm's issuer, {@code <baseUrl>/realms/opsledger}: what a resource server's {@code issuer-uri} is set to. */
    default String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    default String tokenEndpoint() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    /** A real access token for the user, from a direct access grant on {@link #CLI_CLIENT_ID}. */
    default String passwordGrant(String username, String password) {
        return TokenEndpoint.passwordGrant(tokenEndpoint(), CLI_CLIENT_ID, username, password);
    }

    /** An access token for a demo user of the realm, whose password is the user name plus {@code -pw}. */
    default String tokenFor(String demoUser) {
        return passwordGrant(demoUser, demoUser + "-pw");
    }

    /** The Spring Boot property that makes a resource server trust this realm. */
    default Map<String, Object> properties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri());
    }

    /** Stops Keycloak. Idempotent; also done at JVM exit. */
    @Override
    void close();
}
