package dev.opsledger.access.resource.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessRulesChanged;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.ChangeAccessRules;
import dev.opsledger.access.resource.api.RegisterResource;
import dev.opsledger.access.resource.api.ResourceRegistered;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Something access is given to, with the rules for giving it ({@link AccessRules}). The rules
 * themselves live in the value objects; the aggregate keeps the name unique and admins in charge.
 */
@Aggregate
public class Resource {

    public static final String NOT_FOUND = "resource.not-found";
    public static final String NAME_TAKEN = "resource.name-taken";
    public static final String TEXT_REQUIRED = "resource.text-required";
    public static final String ADMIN_ONLY = "resource.admin-only";
    static final String ADMIN = "admin";

    @AggregateIdentifier
    private String resourceId;
    private String name;
    private String owningTeam;
    private AccessTarget target;
    private AccessRules rules;

    protected Resource() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Resource(RegisterResource command, ResourceNames names) {
        requireAdmin(command.admin());
        requireText(command.name(), "name");
        requireText(command.owningTeam(), "owning team");
        if (!names.claim(command.name(), command.resourceId())) {
            throw BusinessRuleViolation.conflict(NAME_TAKEN, "A resource named " + command.name() + " exists");
        }
        apply(new ResourceRegistered(command.resourceId(), command.name(), command.description(),
                command.owningTeam(), command.target(), command.rules(), command.admin()));
    }

    @CommandHandler
    public void handle(ChangeAccessRules command) {
        requireAdmin(command.admin());
        apply(new AccessRulesChanged(resourceId, command.rules(), command.admin()));
    }

    public ResourceSnapshot snapshot() {
        return new ResourceSnapshot(resourceId, name, owningTeam, target, rules);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasAnyRole(Set.of(ADMIN))) {
            throw BusinessRuleViolation.forbidden(ADMIN_ONLY, "Only admins manage resources");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleViolation.unprocessable(TEXT_REQUIRED, "A resource needs a " + what);
        }
    }

    @EventSourcingHandler
    void on(ResourceRegistered event) {
        resourceId = event.resourceId();
        name = event.name();
        owningTeam = event.owningTeam();
        target = event.target();
        rules = event.rules();
    }

    @EventSourcingHandler
    void on(AccessRulesChanged event) {
        rules = event.rules();
    }
}
