package dev.opsledger.automation.task.web;

import dev.opsledger.automation.task.api.DefineTask;
import dev.opsledger.automation.task.api.ReviseTask;
import dev.opsledger.automation.task.query.TaskQueries;
import dev.opsledger.automation.task.query.TaskVersionView;
import dev.opsledger.automation.task.query.TaskView;
import dev.opsledger.automation.web.Roles;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Caller;
import dev.opsledger.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Task definitions and their versions; automation admins define, every reader reads. */
@RestController
@Validated
@Tag(name = "Tasks", description = "Versioned task definitions: executor, typed parameters, approvals, schedule.")
class TaskController {

    static final String PATH = "/tasks";
    static final String NOT_FOUND = "task.not-found";

    private final Commands commands;
    private final TaskQueries queries;

    TaskController(Commands commands, TaskQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.AUTOMATION_ADMIN)
    @Operation(summary = "Define a task", description = "Version 1. Executables and hosts must be on the operator's "
            + "allow-lists; the definition is refused now, not when it runs.")
    @ApiResponse(responseCode = "201", description = "Defined; Location points at the task")
    @ApiResponse(responseCode = "409", description = "task.name-taken")
    @ApiResponse(responseCode = "422", description = "task.invalid, task.executor-invalid, task.executor-not-allowed, "
            + "task.parameter-invalid, task.schedule-invalid, task.schedule-zone-invalid, task.schedule-needs-defaults")
    ResponseEntity<Accepted> define(@Valid @RequestBody TaskBody body, Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new DefineTask(id, body.toSpec(), Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PutMapping(PATH + "/{id}")
    @PreAuthorize(Roles.AUTOMATION_ADMIN)
    @Operation(summary = "Revise a task", description = "A new version; runs already requested keep theirs.")
    @ApiResponse(responseCode = "202", description = "New version recorded")
    @ApiResponse(responseCode = "409", description = "task.unchanged, task.name-taken")
    ResponseEntity<Accepted> revise(@PathVariable String id, @Valid @RequestBody TaskBody body, Authentication caller) {
        commands.sendTo(new ReviseTask(id, body.toSpec(), Caller.of(caller)), NOT_FOUND, "task");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List tasks", description = "By name.")
    Page<TaskView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                        @RequestParam(required = false) String cursor) {
        return queries.list(limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a task's current version")
    @ApiResponse(responseCode = "404", description = "task.not-found")
    TaskView find(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, "No task with id " + id));
    }

    @GetMapping(PATH + "/{id}/versions")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "A task's versions", description = "Newest first.")
    Page<TaskVersionView> versions(@PathVariable String id,
                                   @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT)
                                   int limit,
                                   @RequestParam(required = false) String cursor) {
        find(id);
        return queries.versions(id, limit, cursor);
    }

    @GetMapping(PATH + "/{id}/missed-runs")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Fire times the schedule skipped", description = "Misfire rule SKIP: each fire time missed "
            + "while the service was down, newest first.")
    Page<Instant> missedRuns(@PathVariable String id,
                             @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT)
                             int limit,
                             @RequestParam(required = false) String cursor) {
        find(id);
        return queries.missedFires(id, limit, cursor);
    }
}
