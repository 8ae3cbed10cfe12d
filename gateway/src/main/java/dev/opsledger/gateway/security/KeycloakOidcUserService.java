package dev.opsledger.gateway.security;

import dev.opsledger.platform.core.security.KeycloakRealmRoles;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Loads the browser user after login and gives it the realm roles from the access token.
 * Keycloak puts {@code realm_access} into access tokens, not ID tokens, and the access token
 * is what the services will see, so the session's authorities match what the services check.
 * The token is decoded with the same validating decoder as bearer calls (audience included).
 */
public class KeycloakOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokenDecoder;

    public KeycloakOidcUserService(ReactiveJwtDecoder accessTokenDecoder) {
        this.accessTokenDecoder = accessTokenDecoder;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return delegate.loadUser(request)
                .flatMap(user -> accessTokenDecoder.decode(request.getAccessToken().getTokenValue())
                        .onErrorMap(error -> new OAuth2AuthenticationException(
                                new OAuth2Error("invalid_token", "access token rejected: " + error.getMessage(), null),
                                error))
                        .map(accessToken -> {
                            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                            authorities.addAll(KeycloakRealmRoles.authorities(accessToken.getClaims()));
                            // Name the principal by its username, as /api/me and logs show it.
                            String nameKey = user.getClaims().containsKey(StandardClaimNames.PREFERRED_USERNAME)
                                    ? StandardClaimNames.PREFERRED_USERNAME
                                    : StandardClaimNames.SUB;
                            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
                        }));
    }
}
