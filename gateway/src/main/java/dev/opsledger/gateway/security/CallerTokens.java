package dev.opsledger.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.problem.GatewayProblem;

/**
 * The caller's access token, for calls the gateway makes on its behalf (the audit fan-out).
 * Same rule as the TokenRelay filter: a bearer caller's token as it came; a session's token
 * from its authorized client, refreshed when it has expired.
 */
@Component
public class CallerTokens {

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

    public CallerTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    public Mono<String> accessToken(Authentication caller, ServerWebExchange exchange) {
        if (caller instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken().getTokenValue());
        }
        if (caller instanceof OAuth2AuthenticationToken session) {
            var request = OAuth2AuthorizeRequest
                    .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                    .principal(session)
                    .attribute(ServerWebExchange.class.getName(), exchange)
                    .build();
            return authorizedClients.authorize(request)
                    .map(client -> client.getAccessToken().getTokenValue())
                    .switchIfEmpty(Mono.error(new GatewayProblem(HttpStatus.UNAUTHORIZED, ProblemSecurityHandlers.UNAUTHENTICATED,
                            "The session has no usable access token; log in again.")));
        }
        return Mono.error(new GatewayProblem(HttpStatus.UNAUTHORIZED, ProblemSecurityHandlers.UNAUTHENTICATED,
                "No token to relay."));
    }
}
