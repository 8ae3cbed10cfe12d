package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.AuditEntry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

import dev.opsledger.platform.metadata.MetadataKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every event of the service into the audit trail, chaining each entry to the one before.
 *
 * <p>The chain is only linear if one thread sees the events in global order: the
 * {@value #PROCESSING_GROUP} group is therefore a tracking processor with exactly one segment
 * (see {@link AuditLogAutoConfiguration}). With more segments, two threads would each pick "the
 * latest hash" concurrently and fork the chain. One segment also means that with several
 * instances, one instance holds the claim and the others stand by — the trail is cheap to write.
 *
 * <p>The event's position comes from its tracking token, so a replay (a reset of this group)
 * finds each row already present and writes nothing.
 */
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit-log";

    private final AuditLogRepository repository;
    private final JsonMapper jsonMapper;
    private final int summaryMaxLength;

    public AuditLogProjection(AuditLogRepository repository, JsonMapper jsonMapper, int summaryMaxLength) {
        this.repository = repository;
        this.jsonMapper = jsonMapper;
        this.summaryMaxLength = summaryMaxLength;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        long globalIndex = globalIndexOf(event);
        if (repository.exists(globalIndex)) {
            return;
        }
        String previousHash = repository.hashBefore(globalIndex).orElse(AuditHashChain.GENESIS);
        repository.insert(AuditHashChain.linked(entryFor(globalIndex, payload, event), previousHash));
    }

    AuditEntry entryFor(long globalIndex, Object payload, EventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        String aggregateType = null;
        String aggregateId = null;
        Long aggregateSequence = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            aggregateSequence = domainEvent.getSequenceNumber();
        }
        return new AuditEntry(null, globalIndex, event.getIdentifier(), event.getTimestamp(),
                MetadataKeys.actorIdOf(event),
                MetadataKeys.actorNameOf(event),
                aggregateType, aggregateId, aggregateSequence,
                event.getPayloadType().getSimpleName(),
                summarise(payload),
                MetadataKeys.text(metaData, MetadataKeys.CORRELATION_ID),
                MetadataKeys.text(metaData, MetadataKeys.CAUSATION_ID),
                null, null);
    }

    static long globalIndexOf(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElseThrow(() -> new IllegalStateException(
                    "The audit log needs a tracking token with a position, got " + tracked.trackingToken()));
        }
        throw new IllegalStateException("The " + PROCESSING_GROUP + " processing group must be a tracking "
                + "processor; it received an untracked event " + event.getIdentifier());
    }

    /** The payload's JSON, cut at the configured length (on a code point boundary). */
    String summarise(Object payload) {
        String json;
        try {
            json = jsonMapper.writeValueAsString(payload);
        } catch (RuntimeException e) {
            // A payload Jackson cannot write must not stop the trail: record that it exists.
            json = "{\"unserializable\":\"" + payload.getClass().getSimpleName() + "\"}";
        }
        if (json.length() <= summaryMaxLength) {
            return json;
        }
        int cut = summaryMaxLength - 1;
        if (Character.isHighSurrogate(json.charAt(cut - 1))) {
            cut--;
        }
        return json.substring(0, cut) + "…";
    }
}
