package dev.opsledger.platform.web;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.metadata.CorrelationChains;
import dev.opsledger.platform.metadata.MetadataKeys;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * How a controller sends a command: it waits for the outcome, so a rule violation reaches the
 * caller as a problem detail, and an unknown aggregate is answered 404 with the feature's own
 * stable code. One bean for every service (see {@code OpsLedgerWebAutoConfiguration}).
 */
public class Commands {

    private final CommandGateway gateway;
    private final CorrelationChains chains;

    public Commands(CommandGateway gateway, CorrelationChains chains) {
        this.gateway = gateway;
        this.chains = chains;
    }

    /** A command that creates an aggregate, or whose handler answers "not found" itself. */
    public void send(Object command) {
        gateway.sendAndWait(command);
    }

    /** A command to an existing aggregate, answered 404 with {@code notFoundCode} when there is none. */
    public void sendTo(Object command, String notFoundCode, String what) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException missing) {
            throw BusinessRuleViolation.noSuch(notFoundCode, what, missing.getAggregateIdentifier());
        }
    }

    /**
     * Sends a command about an existing aggregate within the correlation chain the aggregate
     * started with, so approving or confirming a request joins the request's story in the
     * audit trail instead of starting a new one (ADR 006).
     */
    public void sendInChainOf(String aggregateId, Object command, String notFoundCode, String what) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command);
        Optional<String> correlationId = chains.correlationIdOf(aggregateId);
        if (correlationId.isPresent()) {
            message = message.andMetaData(Map.of(MetadataKeys.CORRELATION_ID, correlationId.get()));
        }
        try {
            gateway.sendAndWait(message);
        } catch (AggregateNotFoundException missing) {
            throw BusinessRuleViolation.noSuch(notFoundCode, what, missing.getAggregateIdentifier());
        }
    }
}
