package dev.opsledger.access.keycloak;

import dev.opsledger.access.config.AccessServiceProperties;
import dev.opsledger.access.grant.saga.Memberships;
import dev.opsledger.access.resource.api.AccessTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * Provisions grants through Keycloak's admin REST API with the service account of the
 * {@code opsledger-access} client (client-credentials token), called with Spring's
 * {@link RestClient} rather than {@code keycloak-admin-client} (ADR 010). Every call is
 * idempotent: Keycloak accepts adding a role or group the user has, and removing one they lack.
 */
@Component
class KeycloakMemberships implements Memberships {

    /** Renew the service account's token this long before Keycloak says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
    /** Members are read in pages of this many users. */
    private static final int PAGE = 100;

    private final RestClient http;
    private final AccessServiceProperties.Keycloak keycloak;
    private final Clock clock;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;

    KeycloakMemberships(AccessServiceProperties properties, Clock clock) {
        this.keycloak = properties.keycloak();
        this.clock = clock;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).baseUrl(keycloak.baseUrl().toString()).build();
    }

    @Override
    public void add(String userId, AccessTarget target) {
        call("add " + target.name() + " to user " + userId, () -> {
            switch (target.kind()) {
                case KEYCLOAK_REALM_ROLE -> http.post().uri(b -> user(b, userId, "role-mappings", "realm"))
                        .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                        .body(List.of(role(target.name()))).retrieve().toBodilessEntity();
                case KEYCLOAK_GROUP -> http.put().uri(b -> user(b, userId, "groups", groupId(target.name())))
                        .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity();
                case EXTERNAL -> throw notKeycloak();
            }
        });
    }

    @Override
    public void remove(String userId, AccessTarget target) {
        call("remove " + target.name() + " from user " + userId, () -> {
            try {
                switch (target.kind()) {
                    case KEYCLOAK_REALM_ROLE -> http.method(HttpMethod.DELETE)
                            .uri(b -> user(b, userId, "role-mappings", "realm"))
                            .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                            .body(List.of(role(target.name()))).retrieve().toBodilessEntity();
                    case KEYCLOAK_GROUP -> http.delete().uri(b -> user(b, userId, "groups", groupId(target.name())))
                            .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity();
                    case EXTERNAL -> throw notKeycloak();
                }
                // Without this a browser session could refresh a token that still carries the access.
                http.post().uri(b -> user(b, userId, "logout")).headers(h -> h.setBearerAuth(token()))
                        .retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound userGone) {
                // A deleted user holds no membership and no session: the removal is done.
                if (!isUserMissing(userId)) {
                    throw userGone;
                }
            }
        });
    }

    @Override
    public Set<String> members(AccessTarget target) {
        Set<String> ids = new HashSet<>();
        call("list the members of " + target.name(), () -> {
            String group = target.kind() == AccessTarget.Kind.KEYCLOAK_GROUP ? groupId(target.name()) : null;
            for (int first = 0; ; first += PAGE) {
                int from = first;
                List<?> page = switch (target.kind()) {
                    case KEYCLOAK_REALM_ROLE -> http.get().uri(b -> realm(b).pathSegment("roles", target.name(), "users")
                                    .queryParam("first", from).queryParam("max", PAGE)
                                    .queryParam("briefRepresentation", true).build())
                            .headers(h -> h.setBearerAuth(token())).retrieve().body(List.class);
                    case KEYCLOAK_GROUP -> http.get().uri(b -> realm(b).pathSegment("groups", group, "members")
                                    .queryParam("first", from).queryParam("max", PAGE)
                                    .queryParam("briefRepresentation", true).build())
                            .headers(h -> h.setBearerAuth(token())).retrieve().body(List.class);
                    case EXTERNAL -> throw notKeycloak();
                };
                if (page == null) {
                    break;
                }
                page.forEach(user -> ids.add(String.valueOf(((Map<?, ?>) user).get("id"))));
                if (page.size() < PAGE) {
                    break;
                }
            }
        });
        return ids;
    }

    private boolean isUserMissing(String userId) {
        try {
            http.get().uri(b -> user(b, userId)).headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity();
            return false;
        } catch (HttpClientErrorException.NotFound missing) {
            return true;
        }
    }

    private Map<?, ?> role(String name) {
        return http.get().uri(b -> realm(b).pathSegment("roles", name).build())
                .headers(h -> h.setBearerAuth(token())).retrieve().body(Map.class);
    }

    private String groupId(String path) {
        Map<?, ?> group = http.get().uri(b -> {
            UriBuilder builder = realm(b).pathSegment("group-by-path");
            for (String segment : path.substring(1).split("/")) {
                builder.pathSegment(segment);
            }
            return builder.build();
        }).headers(h -> h.setBearerAuth(token())).retrieve().body(Map.class);
        return String.valueOf(group.get("id"));
    }

    private UriBuilder realm(UriBuilder builder) {
        return builder.pathSegment("admin", "realms", keycloak.realm());
    }

    private URI user(UriBuilder builder, String userId, String... rest) {
        return realm(builder).pathSegment("users", userId).pathSegment(rest).build();
    }

    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(tokenExpiresAt)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", keycloak.clientId());
            form.add("client_secret", keycloak.clientSecret());
            Map<?, ?> answer = http.post()
                    .uri(b -> b.pathSegment("realms", keycloak.realm(), "protocol", "openid-connect", "token").build())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Map.class);
            token = String.valueOf(answer.get("access_token"));
            long lifetime = answer.get("expires_in") instanceof Number seconds ? seconds.longValue() : 60;
            tokenExpiresAt = now.plusSeconds(lifetime).minus(TOKEN_MARGIN);
        }
        return token;
    }

    private void call(String what, Runnable call) {
        try {
            call.run();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                forgetToken();
            }
            throw new KeycloakAdminException("Keycloak refused to " + what + ": HTTP " + e.getStatusCode().value()
                    + (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) ? " (no such user, role or group)" : ""));
        } catch (RestClientException e) {
            throw new KeycloakAdminException("Keycloak unreachable while trying to " + what + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private synchronized void forgetToken() {
        // Keycloak restarted or the session was ended: the next attempt asks for a new token.
        token = null;
    }

    /** The grant saga and the drift check never bring an external resource here; a bug if they do. */
    private static IllegalArgumentException notKeycloak() {
        return new IllegalArgumentException("External resources are provisioned by automation-service tasks "
                + "(ADR 017), never through Keycloak");
    }

    /** A provisioning step Keycloak refused or could not be asked; the saga records it and retries. */
    static final class KeycloakAdminException extends RuntimeException {
        KeycloakAdminException(String message) {
            super(message);
        }
    }
}
