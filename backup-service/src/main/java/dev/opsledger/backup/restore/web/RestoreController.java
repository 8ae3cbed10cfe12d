package dev.opsledger.backup.restore.web;

import dev.opsledger.backup.restore.api.ApproveRestore;
import dev.opsledger.backup.restore.api.DestinationKind;
import dev.opsledger.backup.restore.api.RejectRestore;
import dev.opsledger.backup.restore.api.RequestRestore;
import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.restore.command.Restore;
import dev.opsledger.backup.restore.query.RestoreQueries;
import dev.opsledger.backup.restore.query.RestoreView;
import dev.opsledger.backup.web.Roles;
import dev.opsledger.backup.web.Validation;
import dev.opsledger.platform.core.paging.Page;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
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

/**
 * Restores: requested by a backup operator, approved by the policy's approvers (never the
 * requester), then written; over the original target only after a safety backup of it.
 */
@RestController
@Validated
@Tag(name = "Restores", description = "Restoring a backup run, with approval.")
class RestoreController {

    static final String PATH = "/restores";

    private final Commands commands;
    private final RestoreQueries queries;
    private final Clock clock;

    RestoreController(Commands commands, RestoreQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @Schema(description = "destination ORIGINAL (default), NEW_DATABASE with a database name, or NEW_DIRECTORY with "
            + "an absolute folder under an allowed root")
    record RestoreRequest(@NotBlank @Size(max = 64) String runId, DestinationKind destination,
                          @Size(max = 1024) @Pattern(regexp = Validation.PLAIN_TEXT) String destinationName) {
    }

    record Decision(@Size(max = 2000) @Pattern(regexp = Validation.PLAIN_TEXT) String comment) {
    }

    record Reason(@NotBlank @Size(max = 2000) @Pattern(regexp = Validation.PLAIN_TEXT) String reason) {
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Request a restore")
    @ApiResponse(responseCode = "201", description = "Requested; waits for approval")
    @ApiResponse(responseCode = "404", description = "backup-run.not-found")
    @ApiResponse(responseCode = "409", description = "restore.run-expired, restore.run-not-restorable")
    @ApiResponse(responseCode = "422", description = "restore.invalid-destination, target.path-not-allowed")
    ResponseEntity<Accepted> request(@Valid @RequestBody RestoreRequest request, Authentication caller) {
        String id = UUID.randomUUID().toString();
        var destination = new RestoreDestination(
                request.destination() == null ? DestinationKind.ORIGINAL : request.destination(),
                request.destinationName());
        commands.send(new RequestRestore(id, request.runId(), destination, Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PostMapping(PATH + "/{id}/approvals")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Approve a restore", description = "The policy decides who may approve; never the requester.")
    @ApiResponse(responseCode = "202", description = "Approval recorded")
    @ApiResponse(responseCode = "403", description = "approval.self-approval, approval.role-not-allowed")
    @ApiResponse(responseCode = "409", description = "approval.already-decided, approval.closed")
    ResponseEntity<Accepted> approve(@PathVariable String id, @Valid @RequestBody(required = false) Decision decision,
                                     Authentication caller) {
        commands.sendInChainOf(id, new ApproveRestore(id, Caller.of(caller),
                decision == null ? null : decision.comment()), Restore.NOT_FOUND, "restore");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/rejections")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Reject a restore", description = "One rejection by an allowed approver ends it.")
    @ApiResponse(responseCode = "202", description = "Rejected")
    ResponseEntity<Accepted> reject(@PathVariable String id, @Valid @RequestBody Reason reason, Authentication caller) {
        commands.sendInChainOf(id, new RejectRestore(id, Caller.of(caller), reason.reason()), Restore.NOT_FOUND,
                "restore");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List restores", description = "Newest first.")
    Page<RestoreView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                           @RequestParam(required = false) String cursor) {
        return queries.page(limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a restore")
    @ApiResponse(responseCode = "404", description = "restore.not-found")
    RestoreView find(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException(Restore.NOT_FOUND, "No restore with id " + id));
    }

    @GetMapping(PATH + "/pending")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Restores I may approve", description = "Open restores whose policy lets the caller decide "
            + "now: right role, not their own under four eyes, not yet decided, deadline ahead.")
    Page<RestoreView> pendingForMe(
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor, Authentication caller) {
        return queries.pendingFor(Caller.of(caller), clock.instant(), limit, cursor);
    }
}
