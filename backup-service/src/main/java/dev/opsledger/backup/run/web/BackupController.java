package dev.opsledger.backup.run.web;

import dev.opsledger.backup.run.api.RequestBackupRun;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.backup.run.api.VerifyBackupRun;
import dev.opsledger.backup.run.command.BackupRun;
import dev.opsledger.backup.run.query.RunQueries;
import dev.opsledger.backup.run.query.RunView;
import dev.opsledger.backup.web.Roles;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Backup runs: taken by schedule, by hand here, or at another service's request. */
@RestController
@Validated
@Tag(name = "Backups", description = "Backup runs, their files and their verification by test restores.")
class BackupController {

    static final String PATH = "/backups";

    private final Commands commands;
    private final RunQueries queries;

    BackupController(Commands commands, RunQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record ManualRun(@NotBlank @Size(max = 64) String targetId) {
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Take a backup now", description = "One run per target at a time: a second one while a run "
            + "is active is refused with 409, not queued.")
    @ApiResponse(responseCode = "201", description = "Requested; the run starts at once")
    @ApiResponse(responseCode = "404", description = "target.not-found")
    @ApiResponse(responseCode = "409", description = "backup-run.already-running")
    ResponseEntity<Accepted> run(@Valid @RequestBody ManualRun request, Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new RequestBackupRun(id, request.targetId(), RunTrigger.MANUAL, null, Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PostMapping(PATH + "/{id}/verify")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Verify a backup by a test restore", description = "Checks the file's SHA-256, restores it "
            + "into a scratch database or folder, checks it and drops the copy.")
    @ApiResponse(responseCode = "202", description = "Verification started")
    @ApiResponse(responseCode = "404", description = "backup-run.not-found")
    @ApiResponse(responseCode = "409", description = "backup-run.not-verifiable, backup-run.expired")
    ResponseEntity<Accepted> verify(@PathVariable String id, Authentication caller) {
        commands.sendInChainOf(id, new VerifyBackupRun(id, Caller.of(caller)), BackupRun.NOT_FOUND, "backup run");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List runs", description = "Newest first; failed and expired runs included.")
    Page<RunView> list(@RequestParam(required = false) @Size(max = 64) String targetId,
                       @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                       @RequestParam(required = false) String cursor) {
        return queries.page(targetId, limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a run")
    @ApiResponse(responseCode = "404", description = "backup-run.not-found")
    RunView find(@PathVariable String id) {
        return queries.find(id)
                .orElseThrow(() -> new NotFoundException(BackupRun.NOT_FOUND, "No backup run with id " + id));
    }
}
