package dev.opsledger.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A stand-in for Keycloak that signs tokens locally, for web tests that need a caller with roles but not
 * a real login. It serves OpenID discovery and a JWKS on 127.0.0.1, so a resource server with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri = issuerUri()} checks its tokens through the
 * same code path as Keycloak's. Tokens have Keycloak's shape: {@code sub}, {@code preferred_username},
 * {@code realm_access.roles}, {@code aud: opsledger}, {@code iss}, {@code iat}, {@code exp}, and {@code kid}
 * in the header. It also forges the bad tokens a resource server must refuse.
 *
 * <p>Use {@link #shared()} (one per JVM, what {@link WithLocalJwtIssuer} uses), or {@link #start()} for a private one.
 */
public final class LocalJwtIssuer implements AutoCloseable {

    public static final String AUDIENCE = KeycloakServer.AUDIENCE;
    private static final String REALM_PATH = "/realms/" + KeycloakServer.REALM;
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private static LocalJwtIssuer shared;

    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final StopOnce stopOnce;

    private LocalJwtIssuer(RSAKey signingKey, RSAKey foreignKey, HttpServer server, ExecutorService executor) {
        this.signingKey = signingKey;
        this.foreignKey = foreignKey;
        this.server = server;
        this.executor = executor;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.stopOnce = new StopOnce("local-jwt-issuer", this::stop);
    }

    /** The issuer shared by all tests of this JVM, started on first use. */
    public static synchronized LocalJwtIssuer shared() {
        if (shared == null || shared.stopOnce.stopped()) {
            shared = start();
        }
        return shared;
    }

    /** A new issuer with its own key pair and port. */
    public static LocalJwtIssuer start() {
        RSAKey signingKey = generateKey();
        // Same kid as the real key: a forged token then fails on its signature, not on an unknown key id.
        RSAKey foreignKey = generateKey(signingKey.getKeyID());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            executor.shutdown();
            throw new UncheckedIOException("cannot bind the local JWT issuer on 127.0.0.1", e);
        }
        server.setExecutor(executor);
        LocalJwtIssuer issuer = new LocalJwtIssuer(signingKey, foreignKey, server, executor);
        server.createContext(REALM_PATH + "/.well-known/openid-configuration",
                exchange -> respond(exchange, issuer.discoveryDocument()));
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs",
                exchange -> respond(exchange, issuer.jwks().toString()));
        server.start();
        return issuer;
    }

    /** E.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code <baseUrl>/realms/opsledger}, mirroring Keycloak's issuer layout. */
    public String issuerUri() {
        return baseUrl + REALM_PATH;
    }

    public String jwksUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** The public keys a verifier trusts (the signing key only). */
    public JWKSet jwks() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** The Spring Boot property that makes a resource server trust this issuer. */
    public Map<String, Object> properties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri());
    }

    /** A valid access token for {@code username} with these realm roles. */
    public String token(String username, Set<String> roles) {
        return sign(signingKey, claims(username, roles).build());
    }

    /** {@code "Bearer " + token(username, roles)}, for an {@code Authorization} header. */
    public String bearer(String username, Set<String> roles) {
        return "Bearer " + token(username, roles);
    }

    /**
     * A valid token built from defaults (issuer, audience, times, a subject {@code test-user} without roles)
     * that {@code customizer} may change or extend, e.g. {@code b -> b.audience("other").claim("acr", "2")}.
     */
    public String token(Consumer<JWTClaimsSet.Builder> customizer) {
        JWTClaimsSet.Builder claims = claims("test-user", Set.of());
        customizer.accept(claims);
        return sign(signingKey, claims.build());
    }

    /** Right claims, signed with a key the JWKS does not hold (but the same {@code kid}). */
    public String tokenSignedWithOtherKey(String username, Set<String> roles) {
        return sign(foreignKey, claims(username, roles).build());
    }

    /** Correctly signed, expired an hour ago: well beyond any clock skew a verifier allows. */
    public String expiredToken(String username, Set<String> roles) {
        Instant now = Instant.now();
        return sign(signingKey, claims(username, roles)
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build());
    }

    /** Correctly signed by this issuer's key, but naming another issuer. */
    public String tokenWithWrongIssuer(String username, Set<String> roles) {
        return sign(signingKey, claims(username, roles).issuer(baseUrl + "/realms/somewhere-else").build());
    }

    /** An unsecured JWT: header {@code {"alg":"none"}}, the right claims, and an empty signature. */
    public String unsignedToken(String username, Set<String> roles) {
        return new PlainJWT(claims(username, roles).build()).serialize();
    }

    /** The subject the issuer gives {@code username}: a stable UUID, like Keycloak's user ids. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(("opsledger:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        stopOnce.stop();
    }

    private void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private JWTClaimsSet.Builder claims(String username, Set<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuerUri())
                .audience(AUDIENCE)
                .subject(subjectOf(username))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("typ", "Bearer")
                .claim("azp", KeycloakServer.CLI_CLIENT_ID)
                .claim("scope", "openid profile email")
                .claim("preferred_username", username)
                .claim("email", username + "@opsledger.test")
                .claim("email_verified", true)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private String discoveryDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUri());
        document.put("jwks_uri", jwksUri());
        document.put("authorization_endpoint", issuerUri() + "/protocol/openid-connect/auth");
        document.put("token_endpoint", issuerUri() + "/protocol/openid-connect/token");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return JSONObjectUtils.toJSONString(document);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static RSAKey generateKey() {
        return generateKey(UUID.randomUUID().toString());
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    @Override
    public String toString() {
        return "LocalJwtIssuer[" + issuerUri() + "]";
    }
}
