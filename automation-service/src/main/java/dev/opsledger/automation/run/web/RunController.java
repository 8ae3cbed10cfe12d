package dev.opsledger.automation.run.web;

import dev.opsledger.automation.run.api.ApproveRun;
import dev.opsledger.automation.run.api.CancelRun;
import dev.opsledger.automation.run.api.RejectRun;
import dev.opsledger.automation.run.api.RunIds;
import dev.opsledger.automation.run.api.RequestRun;
import dev.opsledger.automation.run.api.RunStatus;
import dev.opsledger.automation.run.api.Trigger;
import dev.opsledger.automation.run.query.RunLog;
import dev.opsledger.automation.run.query.RunQueries;
import dev.opsledger.automation.run.query.RunView;
import dev.opsledger.automation.web.Roles;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.InvalidInputException;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Caller;
import dev.opsledger.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs: start one, follow its log, approve, reject or cancel it. Who may run, approve or cancel
 * is decided by the aggregate (the task's run roles, the approval policy, the requester).
 */
@RestController
@Validated
@Tag(name = "Task runs", description = "Runs of tasks, their approvals and their live logs.")
class RunController {

    static final String PATH = "/task-runs";
    static final String NOT_FOUND = "run.not-found";
    static final String IDEMPOTENCY_KEY = "[A-Za-z0-9._:-]{1,128}";
    private static final Duration STREAM_POLL = Duration.ofMillis(250);
    private static final Duration STREAM_LIMIT = Duration.ofHours(1);

    private final Commands commands;
    private final RunQueries queries;
    private final Clock clock;
    private final ScheduledExecutorService streams =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("run-log-streams").daemon().factory());

    RunController(Commands commands, RunQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @Schema(description = "Parameter values: strings, numbers or booleans; a secret parameter takes the name of an "
            + "environment variable of the service (a reference), never the secret itself.")
    record RunRequest(@Size(max = 50) Map<String, Object> parameters,
                      @Pattern(regexp = IDEMPOTENCY_KEY) String idempotencyKey) {
    }

    record Decision(@Schema(description = "The digest the approver looked at; refused when the run's differs.")
                    @Size(max = 100) String digest, @Size(max = 2000) String comment) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record OptionalReason(@Size(max = 2000) String reason) {
    }

    @PostMapping("/tasks/{taskId}/runs")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Start a run", description = "Runs the task's current version with these parameters. The "
            + "same idempotency key (body or Idempotency-Key header) from the same requester always answers the same "
            + "run; another requester's key is refused.")
    @ApiResponse(responseCode = "201", description = "Requested; Location points at the run")
    @ApiResponse(responseCode = "403", description = "run.role-not-allowed")
    @ApiResponse(responseCode = "404", description = "task.not-found")
    @ApiResponse(responseCode = "409", description = "run.concurrency-forbidden, run.idempotency-key-taken")
    @ApiResponse(responseCode = "422", description = "run.parameter-invalid, run.parameter-missing, "
            + "run.parameter-unknown")
    ResponseEntity<Accepted> start(@PathVariable String taskId, @Valid @RequestBody(required = false) RunRequest body,
                                   @RequestHeader(name = "Idempotency-Key", required = false)
                                   @Pattern(regexp = IDEMPOTENCY_KEY) String keyHeader,
                                   Authentication caller) {
        String key = body != null && body.idempotencyKey() != null ? body.idempotencyKey() : keyHeader;
        String runId = RunIds.forKey(taskId, key);
        commands.send(new RequestRun(runId, taskId, text(body == null ? null : body.parameters()), Trigger.MANUAL,
                Caller.of(caller), key, null));
        return Accepted.created(PATH, runId);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List runs", description = "Newest first; filter by task and status.")
    Page<RunView> list(@RequestParam(required = false) String taskId, @RequestParam(required = false) RunStatus status,
                       @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                       @RequestParam(required = false) String cursor) {
        return queries.list(taskId, status, limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a run")
    @ApiResponse(responseCode = "404", description = "run.not-found")
    RunView find(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, "No run with id " + id));
    }

    @GetMapping(PATH + "/{id}/log")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a run's log", description = "From a character offset, readable while the run runs: "
            + "ask again from nextOffset until finished is true. Secret values are masked.")
    RunLog log(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) long offset,
               @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        find(id);
        return queries.log(id, offset, limit);
    }

    @GetMapping(path = PATH + "/{id}/log/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Follow a run's log live", description = "Server-sent events: one `log` event per chunk "
            + "(id = the offset after it, for Last-Event-ID), then `end` when the run has finished.")
    SseEmitter stream(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) long offset,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        find(id);
        SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        long[] position = {resumeFrom(offset, lastEventId)};
        var task = streams.scheduleWithFixedDelay(() -> {
            try {
                RunLog log = queries.log(id, position[0], Page.MAX_LIMIT);
                for (var chunk : log.chunks()) {
                    position[0] = chunk.offset() + chunk.text().length();
                    emitter.send(SseEmitter.event().name("log").id(Long.toString(position[0])).data(chunk.text()));
                }
                if (log.finished() && log.chunks().isEmpty()) {
                    emitter.send(SseEmitter.event().name("end").data(find(id).status()));
                    emitter.complete();
                    throw new StreamEnded();
                }
            } catch (IOException gone) {
                throw new StreamEnded();
            }
        }, 0, STREAM_POLL.toMillis(), TimeUnit.MILLISECONDS);
        emitter.onCompletion(() -> task.cancel(false));
        emitter.onTimeout(() -> task.cancel(false));
        emitter.onError(failure -> task.cancel(false));
        return emitter;
    }

    @PostMapping(PATH + "/{id}/cancel")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Cancel a run", description = "The requester or an automation admin; a running process "
            + "tree is killed.")
    @ApiResponse(responseCode = "202", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "run.already-finished")
    ResponseEntity<Accepted> cancel(@PathVariable String id, @Valid @RequestBody(required = false) OptionalReason body,
                                    Authentication caller) {
        commands.sendInChainOf(id, new CancelRun(id, Caller.of(caller), body == null ? null : body.reason()),
                NOT_FOUND, "run");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/approvals")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Approve a run", description = "Approves exactly the run's inputs (its digest); the task's "
            + "policy decides who may, never the requester.")
    @ApiResponse(responseCode = "202", description = "Approval recorded")
    @ApiResponse(responseCode = "403", description = "approval.self-approval, approval.role-not-allowed")
    @ApiResponse(responseCode = "409", description = "approval.already-decided, approval.closed, run.digest-mismatch")
    ResponseEntity<Accepted> approve(@PathVariable String id, @Valid @RequestBody(required = false) Decision body,
                                     Authentication caller) {
        commands.sendInChainOf(id, new ApproveRun(id, Caller.of(caller), body == null ? null : body.digest(),
                body == null ? null : body.comment()), NOT_FOUND, "run");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/rejections")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Reject a run", description = "One rejection by an allowed approver ends the run.")
    @ApiResponse(responseCode = "202", description = "Rejected")
    ResponseEntity<Accepted> reject(@PathVariable String id, @Valid @RequestBody Reason body, Authentication caller) {
        commands.sendInChainOf(id, new RejectRun(id, Caller.of(caller), body.reason()), NOT_FOUND, "run");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH + "/pending")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Runs I may approve", description = "Open runs whose policy lets the caller decide now: "
            + "right role, not their own, not yet decided, deadline ahead.")
    List<RunView> pendingForMe(Authentication caller) {
        return queries.pendingFor(Caller.of(caller), clock.instant());
    }

    /** Values as text: JSON strings, numbers (however large; the parameter decides) and booleans. */
    static Map<String, String> text(Map<String, Object> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        if (parameters == null) {
            return values;
        }
        parameters.forEach((name, value) -> {
            switch (value) {
                case null -> {
                }
                case String s -> values.put(name, s);
                case Number n -> values.put(name, n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString());
                case Boolean b -> values.put(name, b.toString());
                default -> throw new InvalidInputException("parameters." + name,
                        "must be a string, a number or a boolean");
            }
        });
        return values;
    }

    private static long resumeFrom(long offset, String lastEventId) {
        if (lastEventId == null) {
            return offset;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId));
        } catch (NumberFormatException notOurs) {
            throw new InvalidInputException("Last-Event-ID", "is not an event id of this stream");
        }
    }

    /** Ends the scheduled poll of a stream that is complete or whose client left. */
    private static final class StreamEnded extends RuntimeException {
        StreamEnded() {
            super(null, null, false, false);
        }
    }
}
