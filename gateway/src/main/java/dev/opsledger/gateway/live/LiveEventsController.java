package dev.opsledger.gateway.live;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.opsledger.gateway.problem.GatewayProblem;

/**
 * {@code GET /api/events}: server-sent events for the portal, one per public event on the services'
 * Kafka topics, limited to the services whose read role the caller holds (a slot's {@code readers}).
 * Authentication is the security chains' ({@code /api/**}); the filter by role is here, and so is
 * the end: a stream closes when the session that opened it ends or expires, or when the bearer
 * token that opened it expires.
 */
@RestController
public class LiveEventsController {

    public static final String UNAVAILABLE = "live.unavailable";
    private static final String SIGNED_IN =
            WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final LiveEvents live;
    private final ObjectProvider<KafkaLiveEventFeed> feed;
    private final Clock clock;

    public LiveEventsController(LiveEvents live, ObjectProvider<KafkaLiveEventFeed> feed, Clock clock) {
        this.live = live;
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<LiveEvent>> events(Authentication caller, ServerWebExchange exchange) {
        KafkaLiveEventFeed running = feed.getIfAvailable();
        if (running == null || !running.isRunning()) {
            // A stream that can never carry an event would look live to the portal: say so instead.
            throw new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
                    "Live updates are off: the gateway has no Kafka to read events from.");
        }
        Set<String> readable = live.readableBy(caller.getAuthorities());
        if (caller instanceof JwtAuthenticationToken jwt) {
            // A script's stream lives as long as its token.
            return live.streamFor(readable, () -> true, expiryOf(jwt));
        }
        // A browser's stream lives as long as its sign-in: logout removes the security context from
        // the session (and keeps the session), idle expiry ends the session.
        return exchange.getSession().flatMapMany(session -> live.streamFor(readable,
                () -> !session.isExpired() && session.getAttribute(SIGNED_IN) != null, Mono.never()));
    }

    private Mono<Long> expiryOf(JwtAuthenticationToken jwt) {
        if (jwt.getToken().getExpiresAt() == null) {
            return Mono.never();
        }
        Duration left = Duration.between(clock.instant(), jwt.getToken().getExpiresAt());
        return Mono.delay(left.isNegative() ? Duration.ZERO : left);
    }
}
