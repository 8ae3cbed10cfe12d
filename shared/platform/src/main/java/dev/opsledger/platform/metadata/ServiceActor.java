package dev.opsledger.platform.metadata;

import dev.opsledger.platform.actor.Actor;
import java.util.Set;
import org.axonframework.messaging.Message;

/**
 * The service itself as the actor of the steps it takes on its own: a saga's command, a deadline
 * it set. Such a step is attributed to {@code system:<service>}, named by the service, and points
 * with its {@code causationId} to the person's action it follows from, never to a person who
 * merely touched the saga last.
 */
public final class ServiceActor {

    /** What every service actor's id starts with; token subjects (UUIDs) never do. */
    public static final String ID_PREFIX = "system:";

    private ServiceActor() {
    }

    /** {@code system:<serviceName>}, named {@code serviceName}, without roles. */
    public static Actor of(String serviceName) {
        return new Actor(ID_PREFIX + serviceName, serviceName, Set.of());
    }

    /** Whether {@code message} is a step the service took on its own (see {@link OriginMetadataProvider}). */
    public static boolean tookStep(Message<?> message) {
        Object actorId = message.getMetaData().get(MetadataKeys.ACTOR_ID);
        return actorId != null && actorId.toString().startsWith(ID_PREFIX);
    }
}
