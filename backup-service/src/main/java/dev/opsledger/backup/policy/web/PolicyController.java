package dev.opsledger.backup.policy.web;

import dev.opsledger.backup.policy.api.DefineBackupPolicy;
import dev.opsledger.backup.policy.api.ReviseBackupPolicy;
import dev.opsledger.backup.policy.command.BackupPolicy;
import dev.opsledger.backup.policy.query.PolicyQueries;
import dev.opsledger.backup.policy.query.PolicyView;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** Backup policies: one per target, every edit a new version. Managed by backup operators. */
@RestController
@Validated
@Tag(name = "Backup policies", description = "Schedule, GFS retention, RPO, restore tests and restore approval.")
class PolicyController {

    static final String PATH = "/backup-policies";

    private final Commands commands;
    private final PolicyQueries queries;

    PolicyController(Commands commands, PolicyQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record DefineRequest(@NotBlank @Size(max = 64) String targetId, @NotNull @Valid PolicyBody policy) {
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Define a policy for a target")
    @ApiResponse(responseCode = "201", description = "Defined as version 1")
    @ApiResponse(responseCode = "404", description = "target.not-found")
    @ApiResponse(responseCode = "409", description = "policy.target-has-policy")
    @ApiResponse(responseCode = "422", description = "policy.invalid-cron, policy.invalid-zone, policy.retention-empty, "
            + "policy.rpo-not-positive, policy.invalid-timeout, policy.invalid-check")
    ResponseEntity<Accepted> define(@Valid @RequestBody DefineRequest request, Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new DefineBackupPolicy(id, request.targetId(), request.policy().settings(), Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PutMapping(PATH + "/{id}")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Revise a policy", description = "Creates the next version; runs under way keep theirs.")
    @ApiResponse(responseCode = "202", description = "Revised")
    @ApiResponse(responseCode = "404", description = "policy.not-found")
    ResponseEntity<Accepted> revise(@PathVariable String id, @Valid @RequestBody PolicyBody policy,
                                    Authentication caller) {
        commands.sendInChainOf(id, new ReviseBackupPolicy(id, policy.settings(), Caller.of(caller)),
                BackupPolicy.NOT_FOUND, "policy");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List policies")
    Page<PolicyView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        return queries.page(limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a policy's current version")
    @ApiResponse(responseCode = "404", description = "policy.not-found")
    PolicyView find(@PathVariable String id) {
        return queries.find(id)
                .orElseThrow(() -> new NotFoundException(BackupPolicy.NOT_FOUND, "No policy with id " + id));
    }
}
