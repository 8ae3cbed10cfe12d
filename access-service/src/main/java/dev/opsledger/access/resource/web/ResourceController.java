package dev.opsledger.access.resource.web;

import dev.opsledger.access.grant.api.BreakGlassAccess;
import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.BreakGlass;
import dev.opsledger.access.resource.api.ChangeAccessRules;
import dev.opsledger.access.resource.api.RegisterResource;
import dev.opsledger.access.resource.query.ResourceQueries;
import dev.opsledger.access.resource.query.ResourceView;
import dev.opsledger.access.web.Inputs;
import dev.opsledger.access.web.Roles;
import dev.opsledger.platform.approval.ApprovalPolicy;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Resources access is given to, their rules, and break-glass access to them. */
@RestController
@Tag(name = "Resources", description = "What access is given to, and the rules for giving it.")
class ResourceController {

    static final String PATH = "/resources";

    private final Commands commands;
    private final ResourceQueries queries;

    ResourceController(Commands commands, ResourceQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Schema(description = "A Keycloak realm role (target: the role name), a Keycloak group (target: its path, "
            + "e.g. /deployers) or an external system (target and deprovisionTask: automation task references).")
    record ResourceBody(@Schema(example = "prod-db-read") @NotBlank @Size(max = 200) @Pattern(regexp = Inputs.TEXT)
                        String name,
                        @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String description,
                        @Schema(example = "platform") @NotBlank @Size(max = 200) @Pattern(regexp = Inputs.TEXT)
                        String owningTeam,
                        @NotNull AccessTarget.Kind kind,
                        @Schema(example = "prod-db-read") @NotBlank @Size(max = 300) String target,
                        @Size(max = 300) String deprovisionTask,
                        @NotNull @Valid RulesBody rules) {
    }

    record RulesBody(@NotNull @Valid Approval approval,
                     @Schema(example = "PT8H") @NotNull @DurationMin(seconds = 1) @DurationMax(days = 365)
                     Duration maxDuration,
                     @Schema(example = "[\"developer\"]") @NotEmpty Set<@NotBlank @Pattern(regexp = Inputs.NAME) String>
                     requesterRoles,
                     @Schema(description = "Omit to allow no break-glass.") @Valid BreakGlassBody breakGlass,
                     @Schema(description = "Remove members Keycloak has without a grant when the reconciliation finds "
                             + "them (default: only report them as access-drift-detected).")
                     Boolean removeUnmanagedMembers) {

        AccessRules toDomain() {
            return new AccessRules(new ApprovalPolicy(approval.requiredApprovals(), approval.approverRoles(),
                    approval.fourEyes() == null || approval.fourEyes(), approval.decisionTimeout()), maxDuration,
                    requesterRoles,
                    breakGlass == null ? null : new BreakGlass(breakGlass.roles(), breakGlass.duration()),
                    Boolean.TRUE.equals(removeUnmanagedMembers));
        }
    }

    record Approval(@Schema(example = "1") @Min(1) @Max(10) int requiredApprovals,
                    @Schema(example = "[\"approver\"]") @NotEmpty Set<@NotBlank @Pattern(regexp = Inputs.NAME) String>
                    approverRoles,
                    @Schema(description = "The requester may not approve their own request: always so for access "
                            + "(omit it, or true; false is 422 resource.self-approval-not-allowed).") Boolean fourEyes,
                    @Schema(example = "PT8H") @NotNull @DurationMin(seconds = 1) @DurationMax(days = 30)
                    Duration decisionTimeout) {
    }

    record BreakGlassBody(@NotEmpty Set<@NotBlank @Pattern(regexp = Inputs.NAME) String> roles,
                          @Schema(example = "PT1H", description = "Default one hour.")
                          @DurationMin(seconds = 1) @DurationMax(hours = 8) Duration duration) {
    }

    record Justification(@NotBlank @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String justification) {
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.ADMIN)
    @Operation(summary = "Register a resource")
    @ApiResponse(responseCode = "201", description = "Registered; Location points at the resource")
    @ApiResponse(responseCode = "409", description = "resource.name-taken")
    @ApiResponse(responseCode = "422", description = "resource.invalid-target, resource.invalid-rules, "
            + "resource.self-approval-not-allowed")
    ResponseEntity<Accepted> register(@Valid @RequestBody ResourceBody body, Authentication caller) {
        String id = UUID.randomUUID().toString();
        var target = new AccessTarget(body.kind(), body.target(), body.deprovisionTask());
        commands.send(new RegisterResource(id, body.name(), body.description(), body.owningTeam(), target,
                body.rules().toDomain(), Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PutMapping(PATH + "/{id}/rules")
    @PreAuthorize(Roles.ADMIN)
    @Operation(summary = "Change a resource's rules", description = "Applies to requests made from now on.")
    @ApiResponse(responseCode = "202", description = "Changed")
    @ApiResponse(responseCode = "404", description = "resource.not-found")
    ResponseEntity<Accepted> changeRules(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                         @Valid @RequestBody RulesBody rules, Authentication caller) {
        commands.sendTo(new ChangeAccessRules(id, rules.toDomain(), Caller.of(caller)), "resource.not-found",
                "resource");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "List resources", description = "By name; page with limit and cursor.")
    Page<ResourceView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                            @RequestParam(required = false) String cursor) {
        return queries.list(limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Read a resource")
    @ApiResponse(responseCode = "404", description = "resource.not-found")
    ResourceView find(@PathVariable @Pattern(regexp = Inputs.ID) String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("resource.not-found",
                "No resource with id " + id));
    }

    @PostMapping(PATH + "/{id}/break-glass")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Take break-glass access", description = "Immediate, short access without approval for a "
            + "role the resource allows; reviewed afterwards by the resource's approvers.")
    @ApiResponse(responseCode = "201", description = "Taken; Location points at the grant")
    @ApiResponse(responseCode = "403", description = "break-glass.not-allowed")
    @ApiResponse(responseCode = "404", description = "resource.not-found")
    @ApiResponse(responseCode = "409", description = "grant.already-active")
    ResponseEntity<Accepted> breakGlass(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                        @Valid @RequestBody Justification body, Authentication caller) {
        String grantId = UUID.randomUUID().toString();
        commands.send(new BreakGlassAccess(grantId, id, body.justification(), Caller.of(caller)));
        return Accepted.created("/grants", grantId);
    }
}
