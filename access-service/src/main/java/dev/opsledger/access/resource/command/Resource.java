package dev.opsledger.access.resource.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.access.resource.api.AccessDriftDetected;
import dev.opsledger.access.resource.api.AccessDriftResolved;
import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessRulesChanged;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.ChangeAccessRules;
import dev.opsledger.access.resource.api.DriftKind;
import dev.opsledger.access.resource.api.ReconcileMembers;
import dev.opsledger.access.resource.api.RecordUnmanagedMemberRemoved;
import dev.opsledger.access.resource.api.RegisterResource;
import dev.opsledger.access.resource.api.ResourceRegistered;
import dev.opsledger.access.resource.api.UnmanagedMemberRemoved;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
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
    public static final String NOT_RECONCILABLE = "resource.not-reconcilable";
    public static final String REMOVAL_NOT_ALLOWED = "resource.removal-not-allowed";
    static final String ADMIN = "admin";

    @AggregateIdentifier
    private String resourceId;
    private String name;
    private String owningTeam;
    private AccessTarget target;
    private AccessRules rules;
    private Drift drift = Drift.NONE;

    protected Resource() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Resource(RegisterResource command, ResourceNames names) {
        requireAdmin(command.admin());
        command.rules().requireFourEyes();
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
        command.rules().requireFourEyes();
        apply(new AccessRulesChanged(resourceId, command.rules(), command.admin()));
    }

    /**
     * Reports each disagreement once, when it appears and when it goes, and answers the unmanaged
     * members to remove now: all of them when the rules say so, retried by every reconciliation
     * until Keycloak confirms.
     */
    @CommandHandler
    public Set<String> handle(ReconcileMembers command, Clock clock) {
        if (!target.kind().isKeycloak()) {
            throw BusinessRuleViolation.conflict(NOT_RECONCILABLE, "Only Keycloak resources are reconciled");
        }
        Instant now = clock.instant();
        boolean removing = rules.removeUnmanagedMembers();
        for (DriftKind kind : DriftKind.values()) {
            Set<String> found = kind == DriftKind.UNMANAGED_MEMBER ? command.unmanaged() : command.missing();
            Drift.appeared(found, drift.known(kind)).forEach(user -> apply(new AccessDriftDetected(resourceId, target,
                    user, kind, removing && kind == DriftKind.UNMANAGED_MEMBER, now)));
            Drift.appeared(drift.known(kind), found).forEach(user -> apply(new AccessDriftResolved(resourceId, user,
                    kind, now)));
        }
        return removing ? Set.copyOf(command.unmanaged()) : Set.of();
    }

    @CommandHandler
    public void handle(RecordUnmanagedMemberRemoved command, Clock clock) {
        if (!rules.removeUnmanagedMembers() || !drift.unmanaged().contains(command.userId())) {
            throw BusinessRuleViolation.conflict(REMOVAL_NOT_ALLOWED, "Only unmanaged members of a resource whose "
                    + "rules say so are removed");
        }
        apply(new UnmanagedMemberRemoved(resourceId, command.userId(), clock.instant()));
        apply(new AccessDriftResolved(resourceId, command.userId(), DriftKind.UNMANAGED_MEMBER, clock.instant()));
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

    @EventSourcingHandler
    void on(AccessDriftDetected event) {
        drift = drift.with(event.kind(), event.userId(), true);
    }

    @EventSourcingHandler
    void on(AccessDriftResolved event) {
        drift = drift.with(event.kind(), event.userId(), false);
    }
}
