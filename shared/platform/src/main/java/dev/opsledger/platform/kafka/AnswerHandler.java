package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationAnswer;
import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.contracts.RequestRejected;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Declares how an answer to one of the service's requests becomes a command on the aggregate that
 * asked, so the foreign fact enters the service's own history and its sagas react to their own
 * events: {@code AnswerHandler.of(RunTask.class, TaskRunSucceeded.class, (answer, request) -> new
 * RecordDeployResult(request.requesterId(), ...))} as a bean. Declare {@link RequestFailed} and
 * {@link RequestRejected} too: every request gets one of the three (ADR 007).
 *
 * <p>The {@link IntegrationAnswerConsumer} reads the answering service's events topic, keeps the
 * answers whose request id this service sent, and hands each CloudEvent to the aggregate once. An
 * answer that comes too late or a second time still reaches the aggregate, which records it and
 * changes nothing; the platform does not decide what "too late" means.
 *
 * @param <A> the public answer record of {@code shared/contracts}
 */
public final class AnswerHandler<A extends IntegrationAnswer> {

    private final Class<? extends IntegrationRequest> requestType;
    private final Class<A> answerType;
    private final BiFunction<? super A, SentRequest, ?> command;

    private AnswerHandler(Class<? extends IntegrationRequest> requestType, Class<A> answerType,
                          BiFunction<? super A, SentRequest, ?> command) {
        this.requestType = Objects.requireNonNull(requestType);
        this.answerType = Objects.requireNonNull(answerType);
        this.command = Objects.requireNonNull(command);
        // Fail at startup, not at the first answer, for a record that is not a public message.
        answerCloudEventType();
    }

    /**
     * @param command the command for the answer and the request it answers; {@code null} to take note
     *                of the answer without a command (e.g. an intermediate step nobody waits for)
     */
    public static <A extends IntegrationAnswer> AnswerHandler<A> of(Class<? extends IntegrationRequest> requestType,
                                                                   Class<A> answerType,
                                                                   BiFunction<? super A, SentRequest, ?> command) {
        return new AnswerHandler<>(requestType, answerType, command);
    }

    /** The service whose events topic carries the answers: the one the request goes to. */
    public OpsLedgerService answeringService() {
        return OutgoingRequest.receiverOf(requestType);
    }

    /** The answer's CloudEvent type as the answering service publishes it. */
    public String answerCloudEventType() {
        return MessageTypes.typeOf(answerType, answeringService());
    }

    public String requestCloudEventType() {
        return MessageTypes.typeOf(requestType);
    }

    Class<A> answerType() {
        return answerType;
    }

    Object toCommand(Object answer, SentRequest request) {
        return command.apply(answerType.cast(answer), request);
    }
}
