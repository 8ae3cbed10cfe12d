package dev.opsledger.backup.target.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.backup.target.api.RecordSufficiency;
import dev.opsledger.backup.target.api.RegisterTarget;
import dev.opsledger.backup.target.api.SufficiencyChanged;
import dev.opsledger.backup.target.api.SufficiencyState;
import dev.opsledger.backup.target.api.TargetKind;
import dev.opsledger.backup.target.api.TargetLocation;
import dev.opsledger.backup.target.api.TargetRegistered;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Something to protect: a PostgreSQL database or a directory, under a unique name. It also
 * remembers how well it is protected, so a change of state (breached, restored) enters the
 * history once, as an event other teams can alert on.
 */
@Aggregate
public class Target {

    public static final String NOT_FOUND = "target.not-found";
    public static final String NAME_TAKEN = "target.name-taken";
    public static final String NAME_REQUIRED = "target.name-required";

    @AggregateIdentifier
    private String targetId;
    private String name;
    private TargetLocation location;
    private SufficiencyState sufficiency;

    protected Target() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public Target(RegisterTarget command, TargetRegistry registry, Clock clock) {
        if (command.name() == null || command.name().isBlank()) {
            throw BusinessRuleViolation.unprocessable(NAME_REQUIRED, "A target needs a name");
        }
        if (command.location().kind() == TargetKind.DIRECTORY) {
            registry.checkDirectory(command.location().directory(), "location.path");
        }
        if (!registry.claimName(command.name(), command.targetId())) {
            throw BusinessRuleViolation.conflict(NAME_TAKEN, "A target named " + command.name() + " exists");
        }
        apply(new TargetRegistered(command.targetId(), command.name(), command.location(), command.registeredBy(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordSufficiency command, Clock clock) {
        if (command.state() != sufficiency) {
            apply(new SufficiencyChanged(targetId, name, sufficiency, command.state(), command.rpo(),
                    command.lastGoodBackupAt(), clock.instant()));
        }
    }

    public TargetSnapshot snapshot() {
        return new TargetSnapshot(targetId, name, location);
    }

    @EventSourcingHandler
    void on(TargetRegistered event) {
        targetId = event.targetId();
        name = event.name();
        location = event.location();
        sufficiency = SufficiencyState.UNPROTECTED;
    }

    @EventSourcingHandler
    void on(SufficiencyChanged event) {
        sufficiency = event.current();
    }
}
