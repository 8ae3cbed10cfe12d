package dev.opsledger.platform.axon;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads another aggregate's state from the event store inside a command's unit of work (not from
 * a projection, which may lag), or answers 404 with the caller's stable code.
 */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * @param state    what the caller needs of the aggregate, e.g. {@code Release::snapshot}
     * @param notFound the stable code of the 404, e.g. {@code release.not-found}
     * @param what     the aggregate's name in the message, e.g. {@code release}
     */
    public static <A, S> S stateOf(Repository<A> repository, String id, Function<A, S> state, String notFound,
                                   String what) {
        try {
            return repository.load(id).invoke(state);
        } catch (AggregateNotFoundException missing) {
            throw BusinessRuleViolation.noSuch(notFound, what, id);
        }
    }
}
