package dev.opsledger.contracts;

import java.util.Optional;

/**
 * The services that publish integration events. Topic names and CloudEvent sources derive from
 * the service name, so a consumer can compute them instead of copying strings.
 */
public enum OpsLedgerService {
    RELEASE("release"),
    ACCESS("access"),
    BACKUP("backup"),
    AUTOMATION("automation");

    private final String id;

    OpsLedgerService(String id) {
        this.id = id;
    }

    /** The short name used in topics, CloudEvent types and sources, e.g. {@code release}. */
    public String id() {
        return id;
    }

    /** Where the service publishes its integration events: {@code opsledger.<service>.events}. */
    public String eventsTopic() {
        return "opsledger." + id + ".events";
    }

    /** Where other services send it requests: {@code opsledger.<service>.requests}. */
    public String requestsTopic() {
        return "opsledger." + id + ".requests";
    }

    /**
     * Where the service parks a request it answered with {@link RequestFailed}, with the error in the
     * record's headers: {@code opsledger.<service>.requests.dlt}. For its operators, not for requesters.
     */
    public String deadLetterTopic() {
        return requestsTopic() + ".dlt";
    }

    /** The CloudEvent {@code source} attribute of everything the service publishes. */
    public String source() {
        return "/opsledger/" + id;
    }

    /** The service whose {@link #source()} this is; empty for anything else (another team, a typo, a forgery). */
    public static Optional<OpsLedgerService> bySource(String source) {
        for (OpsLedgerService service : values()) {
            if (service.source().equals(source)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    public static OpsLedgerService byId(String id) {
        for (OpsLedgerService service : values()) {
            if (service.id.equals(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown OpsLedger service: " + id);
    }
}
