package dev.opsledger.gateway.live;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import dev.opsledger.gateway.problem.GatewayProblem;

/**
 * {@code GET /api/events}: server-sent events for the portal, one per public event on the services'
 * Kafka topics, limited to the services whose read role the caller holds (a slot's {@code readers}).
 * Authentication is the security chains' ({@code /api/**}); the filter by role is here.
 */
@RestController
public class LiveEventsController {

    public static final String UNAVAILABLE = "live.unavailable";

    private final LiveEvents live;
    private final ObjectProvider<KafkaLiveEventFeed> feed;

    public LiveEventsController(LiveEvents live, ObjectProvider<KafkaLiveEventFeed> feed) {
        this.live = live;
        this.feed = feed;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<LiveEvent>> events(Authentication caller) {
        KafkaLiveEventFeed running = feed.getIfAvailable();
        if (running == null || !running.isRunning()) {
            // A stream that can never carry an event would look live to the portal: say so instead.
            throw new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
                    "Live updates are off: the gateway has no Kafka to read events from.");
        }
        return live.streamFor(live.readableBy(caller.getAuthorities()));
    }
}
