/**
 * The Kafka bridge between a service's event-sourced history and other services and teams.
 *
 * <p>What a service does to use it (no wiring code):
 * <ul>
 *   <li>{@code opsledger.service.name=<release|access|backup|automation>} in its
 *       {@code application.yml} (see {@link dev.opsledger.platform.axon.OpsLedgerServiceProperties});
 *       the bridge stays off without it;</li>
 *   <li>{@link dev.opsledger.platform.kafka.IntegrationEventMapper} beans: internal event →
 *       public record of {@code shared/contracts}, published by the
 *       {@link dev.opsledger.platform.kafka.IntegrationEventPublisher} tracking processor
 *       ({@code integration-publisher}) as a CloudEvent to {@code opsledger.<service>.events};</li>
 *   <li>{@link dev.opsledger.platform.kafka.IntegrationRequestHandler} beans, one per request type
 *       it serves: public request → command, consumed once from {@code opsledger.<service>.requests}
 *       by the {@link dev.opsledger.platform.kafka.IntegrationRequestConsumer};</li>
 *   <li>{@link dev.opsledger.platform.kafka.RequestAnswer} beans: the internal event that settles a
 *       request → its public answer, a record implementing
 *       {@link dev.opsledger.contracts.IntegrationAnswer}, e.g. as a {@code @Bean} method:
 *       <pre>{@code
 * RequestAnswer<BackupSucceeded> backupSucceededAnswer() {
 *     return RequestAnswer.of(BackupSucceeded.class, (event, requestId) ->
 *             new BackupSucceededV1(event.runId(), ..., requestId));
 * }}</pre>
 *       The request id needs no code: the consumer puts it into the command's metadata and Axon
 *       copies it onto the events the command applies. It also copies it onto the events of
 *       commands sent while handling those, as long as they are sent inside the handler; work
 *       handed to another thread must pass the metadata on itself. The same event caused by a
 *       person or a schedule is published too, with a {@code null} request id. Declare only the
 *       event that settles a request; a later event of its chain would answer it twice.</li>
 * </ul>
 *
 * <p>The answers the platform gives by itself, so that every request gets exactly one
 * (ADR 007, {@code docs/adr/007-request-answers.md}):
 * <ul>
 *   <li>{@link dev.opsledger.contracts.RequestRejected} at once for a type or version without a
 *       handler ({@code unsupported-type}) or data that does not fit it ({@code invalid-request});</li>
 *   <li>{@link dev.opsledger.contracts.RequestFailed} when the command is refused by a
 *       {@link dev.opsledger.platform.error.BusinessRuleViolation} (at once, reason = its code) or
 *       keeps failing ({@code opsledger.kafka.request-retries}, reason {@code command-failed}); the
 *       request then goes to {@code opsledger.<service>.requests.dlt} with the error in its
 *       headers ({@link dev.opsledger.platform.kafka.RequestFailureRecoverer});</li>
 *   <li>a redelivered request, or the same request id sent again, changes nothing and gets no
 *       second answer ({@link dev.opsledger.platform.kafka.ProcessedMessages});</li>
 *   <li>a request whose CloudEvent {@code source} is not a service allowed to send its type (the
 *       record's {@link dev.opsledger.contracts.SentBy}, the declaration the broker's ACLs come from
 *       too) changes nothing, gets no answer and goes to the dead-letter topic with reason
 *       {@code unauthorized-source}
 *       ({@link dev.opsledger.platform.kafka.RequestFromUnauthorizedSource}, ADR 063).</li>
 * </ul>
 * Both are stored as events in the service's history ({@code IntegrationRequestFailed},
 * {@code IntegrationRequestRejected}) and published by the same tracking processor.
 *
 * <p>The requester's side (ADR 040, {@code docs/adr/040-requests-sent-from-the-requesters-history.md}):
 * <ul>
 *   <li>{@link dev.opsledger.platform.kafka.OutgoingRequest} beans: an internal event by which an
 *       aggregate decided to ask → the public request record, with an id from
 *       {@link dev.opsledger.platform.request.RequestIds} (aggregate, step, attempt; never random). The
 *       {@link dev.opsledger.platform.kafka.IntegrationRequestSender} tracking processor
 *       ({@code integration-request-sender}) records it ({@code sent_request}) and sends it as a CloudEvent
 *       to {@code opsledger.<receiver>.requests}, carrying correlation, causation, actor and traceparent;</li>
 *   <li>{@link dev.opsledger.platform.kafka.AnswerHandler} beans: an answer (a success event carrying the
 *       request id, {@code request-failed}, {@code request-rejected}) → a command on the aggregate that
 *       asked, sent once per answer by the {@link dev.opsledger.platform.kafka.IntegrationAnswerConsumer}
 *       (group {@code opsledger-<service>-answers}) as {@code system:<service>}, caused by the answer.
 *       Whether an answer is late or a second one is the aggregate's to record.</li>
 * </ul>
 *
 * <p>Traces (ADR 042, {@code docs/adr/042-w3c-traceparent-without-a-tracing-library.md}): every CloudEvent
 * carries the W3C {@code traceparent} of the action behind it, from the metadata; whatever a service does
 * for a request or an answer it received continues that trace under a parent id of its own
 * ({@link dev.opsledger.platform.kafka.CloudEventMapping#continuedTrace}), so one trace spans every hop.
 *
 * <p>Tuning lives under {@code opsledger.kafka.*} ({@link dev.opsledger.platform.kafka.KafkaBridgeProperties});
 * the broker address under Spring's {@code spring.kafka.bootstrap-servers}.
 */
package dev.opsledger.platform.kafka;
