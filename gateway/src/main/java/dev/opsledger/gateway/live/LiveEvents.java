package dev.opsledger.gateway.live;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import dev.opsledger.gateway.config.GatewayProperties;
import dev.opsledger.platform.core.security.KeycloakRealmRoles;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The hub between the Kafka consumer and the browsers' streams. A slow browser misses events
 * rather than holding up the others (best effort); the portal reloads what it shows after a
 * reconnect, so a missed event costs a refresh, never a wrong screen.
 */
@Component
public class LiveEvents {

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Map<String, Set<String>> readersByService = new TreeMap<>();
    private final Duration heartbeat;

    public LiveEvents(GatewayProperties properties) {
        properties.enabledServices().forEach((name, route) -> readersByService.put(name, Set.copyOf(route.readers())));
        this.heartbeat = properties.live().heartbeat();
    }

    /** Called by the single consumer thread only, so emissions never race. */
    void publish(LiveEvent event) {
        sink.tryEmitNext(event);
    }

    /** The services whose events a caller with these authorities may see: the slot's readers, by realm role. */
    public Set<String> readableBy(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = KeycloakRealmRoles.roleNames(authorities);
        Set<String> readable = new TreeSet<>();
        readersByService.forEach((service, readers) -> {
            if (readers.stream().anyMatch(roles::contains)) {
                readable.add(service);
            }
        });
        return readable;
    }

    /**
     * One browser's stream: a first comment so the browser knows it is open, the events it may read,
     * and heartbeats, until {@code stillSignedIn} turns false (checked with every event and
     * heartbeat) or {@code credentialsEnd} fires. A stream must not outlive the sign-in that opened
     * it: after a logout or a session's expiry it ends, and the browser's reconnect meets the
     * 401 that leads to the login.
     */
    public Flux<ServerSentEvent<LiveEvent>> streamFor(Set<String> services, BooleanSupplier stillSignedIn,
                                                      Mono<?> credentialsEnd) {
        return streamFor(services).takeWhile(ignored -> stillSignedIn.getAsBoolean()).takeUntilOther(credentialsEnd);
    }

    private Flux<ServerSentEvent<LiveEvent>> streamFor(Set<String> services) {
        Flux<ServerSentEvent<LiveEvent>> events = sink.asFlux()
                .filter(event -> services.contains(event.service()))
                .map(event -> ServerSentEvent.builder(event).id(event.id()).event(event.service()).build());
        // Proxies and browsers close idle connections; a comment every so often keeps it open.
        Flux<ServerSentEvent<LiveEvent>> beats = Flux.interval(heartbeat)
                .map(tick -> ServerSentEvent.<LiveEvent>builder().comment("heartbeat").build());
        return Flux.merge(Flux.just(ServerSentEvent.<LiveEvent>builder().comment("streaming " + services).build()), events, beats);
    }
}
