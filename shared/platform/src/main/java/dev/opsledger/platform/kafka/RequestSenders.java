package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.Requests;
import dev.opsledger.contracts.SentBy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may send this service which request, from the one declaration the broker's ACLs come from
 * too: the {@link SentBy} of each request record (ADR 063). The broker already keeps out anyone
 * without a principal allowed to write the topic; this check keeps an allowed writer from speaking
 * for a service that never sends such a request (a forged CloudEvent {@code source}).
 */
final class RequestSenders {

    private final OpsLedgerService receiver;
    private final Map<String, Set<OpsLedgerService>> sendersByType;
    private final Set<OpsLedgerService> anySender;

    RequestSenders(OpsLedgerService receiver, List<IntegrationRequestHandler<?>> handlers) {
        this.receiver = receiver;
        this.sendersByType = handlers.stream().collect(Collectors.toMap(IntegrationRequestHandler::cloudEventType,
                handler -> {
                    Set<OpsLedgerService> senders = Requests.sendersOf(handler.requestType());
                    if (senders.isEmpty()) {
                        throw new IllegalStateException(handler.requestType().getName()
                                + " declares no @SentBy: no service could send it, so its handler would never run");
                    }
                    return senders;
                }, (a, b) -> a));
        Set<OpsLedgerService> any = EnumSet.noneOf(OpsLedgerService.class);
        sendersByType.values().forEach(any::addAll);
        for (OpsLedgerService service : OpsLedgerService.values()) {
            if (Requests.receiversOf(service).contains(receiver)) {
                any.add(service);
            }
        }
        this.anySender = Set.copyOf(any);
    }

    /**
     * Whether the request's {@code source} is a service allowed to send its type. A type this service
     * does not serve is answered {@code unsupported-type} only to a service that sends it requests at
     * all (a newer version, say); from anyone else it is as unauthorized as a known type would be.
     */
    boolean allows(RequestEnvelope request) {
        Optional<OpsLedgerService> sender = OpsLedgerService.bySource(request.source());
        if (sender.isEmpty() || sender.get() == receiver) {
            return false;
        }
        return sendersByType.getOrDefault(request.type(), anySender).contains(sender.get());
    }

    /** For the log and the dead letter: who may send the type. */
    String expected(RequestEnvelope request) {
        return sendersByType.getOrDefault(request.type(), anySender).stream()
                .map(OpsLedgerService::source).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
