package dev.opsledger.release.web;

import dev.opsledger.platform.error.BusinessRuleViolation;
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

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command) {
        gateway.sendAndWait(command);
    }

    public void sendTo(Object command, String notFoundCode, String what) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException missing) {
            throw BusinessRuleViolation.notFound(notFoundCode, "No " + what + " with id "
                    + missing.getAggregateIdentifier());
        }
    }
}
