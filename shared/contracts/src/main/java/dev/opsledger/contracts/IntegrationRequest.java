package dev.opsledger.contracts;

/**
 * A request one service sends another through {@link OpsLedgerService#requestsTopic()}. The
 * answer is an integration event that carries the same {@link #requestId()}.
 */
public interface IntegrationRequest {

    String requestId();

    /** The aggregate the request is about; the Kafka key, so requests for one target stay in order. */
    String subject();
}
