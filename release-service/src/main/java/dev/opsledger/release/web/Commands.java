package dev.opsledger.release.web;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.metadata.CorrelationChains;
import dev.opsledger.platform.metadata.MetadataKeys;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends commands and waits for the outcome, so a rule violation reaches the caller as a
 * problem detail. An unknown aggregate is answered with the feature's own stable code.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final CorrelationChains chains;

    Commands(CommandGateway gateway, CorrelationChains chains) {
        this.gateway = gateway;
        this.chains = chains;
    }

    public void send(Object command) {
        gateway.sendAndWait(command);
    }

    public void sendTo(Object command, String notFoundCode, String what) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException missing) {
            throw notFound(missing, notFoundCode, what);
        }
    }

    /**
     * Sends a command about an existing aggregate within the correlation chain the aggregate
     * started with, so approving or confirming a promotion joins the promotion's story in the
     * audit trail instead of starting a new one.
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
            throw notFound(missing, notFoundCode, what);
        }
    }

    private static BusinessRuleViolation notFound(AggregateNotFoundException missing, String code, String what) {
        return BusinessRuleViolation.notFound(code, "No " + what + " with id " + missing.getAggregateIdentifier());
    }
}
